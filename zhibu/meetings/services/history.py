"""History entry: a branch that starts using zhibu enters a past term's meetings in one table."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation

from ..models import Meeting
from .meetings import meeting_add

DEFAULT_TIME = time(15, 30)


def _row_data(row: dict[str, Any]) -> dict[str, Any]:
    day: date = row["held_on"]
    moment = datetime.combine(day, row.get("time") or DEFAULT_TIME)
    return {
        "topic": row.get("topic") or "",
        "held_at": timezone.make_aware(moment),
        "place": row.get("place") or "",
        "held": True,
    }


@writes.service
def history_enter(*, actor, organisation: Organisation, rows: list[dict[str, Any]]) -> list[Meeting]:
    """Record every row as a held meeting (its sheet: who was expected that day, all present), each
    checked as a single meeting would be. All rows are written, or — when any row is wrong — none,
    and the message names each wrong row (第3行：…)."""
    policy.require(actor, "meetings.edit", organisation)
    if not rows:
        raise ValidationError(_("表格中没有填写任何会议。"))
    made: list[Meeting] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=1):
        try:
            with transaction.atomic():  # a savepoint: one wrong row does not spoil the check of the rest
                made.append(
                    meeting_add(
                        actor=actor, organisation=organisation, data=_row_data(row), types=[row["type"]]
                    )
                )
        except ValidationError as exc:
            problems.append(_("第%(n)d行：%(why)s") % {"n": number, "why": "；".join(exc.messages)})
    if problems:
        raise ValidationError(problems)
    return made
