"""Write services of the voice ledger: consultations and answers, suggestions and their handling."""
