"""Dues pages."""
