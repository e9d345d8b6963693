"""Writes of 检查评比 (plans.py: plans and their items; scores.py: the score table)."""

from .plans import ItemSpec, plan_create, plan_open, plan_publish, plan_update
from .scores import Cell, score_set

__all__ = ["Cell", "ItemSpec", "plan_create", "plan_open", "plan_publish", "plan_update", "score_set"]
