"""问寒问暖: the office's monthly checklist of calls to retired staff, saved as one table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, cn_date

from ..audit_actions import CareAction
from ..models import RetireeCall
from .common import of_branch, text


@dataclass(frozen=True)
class CallRow:
    """One line of the checklist: a retiree, and (when called) who called, when, what was raised."""

    retiree: Person
    called_on: date | None = None
    caller: Person | None = None
    raised: str = ""


@dataclass(frozen=True)
class Saved:
    month: Period
    created: int
    updated: int

    def __bool__(self) -> bool:  # form_page redirects on a truthy result, even with nothing new
        return True


def _clean_row(org: Organisation, month: Period, row: CallRow, today: date) -> dict:
    who = row.retiree.name
    if not row.retiree.is_retired:
        raise ValidationError({"retiree": _("%(name)s不是退休教职工") % {"name": who}})
    of_branch(org, row.retiree, "retiree")
    day = row.called_on
    if day not in month:
        raise ValidationError(
            {"called_on": _("%(name)s：致电日期（%(day)s）不在%(month)s内")
             % {"name": who, "day": cn_date(day), "month": month.label}}
        )  # fmt: skip
    if day > today:
        raise ValidationError(
            {"called_on": _("%(name)s：致电日期（%(day)s）不能晚于今天") % {"name": who, "day": cn_date(day)}}
        )
    return {
        "called_on": day,
        "caller": of_branch(org, row.caller, "caller"),
        "raised": text(row.raised, "raised", _("%(name)s：反映的情况") % {"name": who}, 200),
    }


@writes.service
def calls_record(*, actor, organisation: Organisation, month: date, rows: Iterable[CallRow]) -> Saved:
    """Save the month's checklist: a row with a date is a call (new, or a change to the one on
    file); a row without one is a retiree not yet called. Clearing the date of a call on file is
    refused — a call is removed from its own page, into the 回收站, with a reason."""
    policy.require(actor, "care.calls", organisation)
    period = Period.month(month.year, month.month)
    today = timezone.localdate()
    if period.start > today:
        raise ValidationError({"month": _("%(month)s尚未到来，不能登记电话") % {"month": period.label}})
    rows = list(rows)
    on_file = {
        c.retiree_id: c
        for c in RetireeCall.objects.filter(
            retiree__in=[r.retiree for r in rows], month=period.start
        ).select_related("retiree")
    }
    created = updated = 0
    for row in rows:
        existing = on_file.get(row.retiree.pk)
        if row.called_on is None:
            if existing is not None:
                raise ValidationError(
                    {"called_on": _("%(name)s：已登记%(month)s的电话，如需撤销请在该记录页删除")
                     % {"name": row.retiree.name, "month": period.label}}
                )  # fmt: skip
            continue
        fields = _clean_row(organisation, period, row, today)
        if existing is None:
            call = RetireeCall(organisation=organisation, month=period.start, retiree=row.retiree, **fields)
            writes.model_create(call, actor=actor, action=CareAction.CALL_CREATED)
            created += 1
        elif any(getattr(existing, k) != v for k, v in fields.items()):
            writes.model_update(
                existing, actor=actor, action=CareAction.CALL_UPDATED, version=existing.version, fields=fields
            )
            updated += 1
    return Saved(period, created, updated)
