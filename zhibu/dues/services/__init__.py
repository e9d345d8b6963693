"""Writes of the dues ledger: bases, payments (one, or a month's collection in one call), bands."""
