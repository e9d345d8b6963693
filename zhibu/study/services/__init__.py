"""Every write to the study ledger: validated, permission-checked, audited, in one transaction."""
