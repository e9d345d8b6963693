"""Pages of the honours ledger: honours.py (荣誉) and competitions.py (教学评比)."""
