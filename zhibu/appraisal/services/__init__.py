"""Write services of the appraisal app: points rules and adjustments; the yearly appraisal."""
