"""Pages of the voice ledger: consultations and answers; suggestions."""
