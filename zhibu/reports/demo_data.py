"""Demo: the bureau asks for weekly bulletins by Friday and monthly summaries by the 5th. The
deadlines bind from today, so the demo's past years carry no late/missing findings."""

from __future__ import annotations

from zhibu.core.models import User
from zhibu.core.registries import demo

from .submissions import deadline_set


@demo.register("reports", order=90)
def load() -> str:
    actor = User.objects.get(username="bureau")
    bureau = actor.grants.get(role="bureau").organisation
    deadline_set(actor=actor, organisation=bureau, kind="weekly", weekday=4, day_of_month=None)
    deadline_set(actor=actor, organisation=bureau, kind="monthly", weekday=None, day_of_month=5)
    return "2 deadlines"
