"""Write services of the talks ledger."""
