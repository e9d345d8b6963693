"""Pages of the appraisal app: points (积分) and the yearly appraisal (民主评议)."""
