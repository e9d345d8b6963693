"""Write services of the care ledger: visits, retiree calls, donation drives and gifts."""
