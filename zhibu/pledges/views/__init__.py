"""Pages of the pledges ledger: pledges (list, detail, forms, export), items (progress, 销号,
reopening, evidence) and duties."""
