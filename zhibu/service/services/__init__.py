"""Writes of the service ledger, one module per part."""
