"""Write services of the development ledger: steps, the rules' versions, the branch's settings."""
