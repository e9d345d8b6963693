"""Pages of the talks ledger."""
