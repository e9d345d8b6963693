"""Pages of the care ledger: visits, retiree calls, donations."""
