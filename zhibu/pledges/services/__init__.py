"""Writes of the pledges ledger: pledges and their items, progress notes, 销号 and reopening, duties."""
