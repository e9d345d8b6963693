"""Writes of the honours ledger: honours (honours.py) and competition rounds (competitions.py)."""
