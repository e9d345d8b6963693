"""The office's monthly note check (校办月月检查) and the branch's study quotas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import audit, policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..audit_actions import StudyAction
from ..models import NoteCheck, StudySettings
from .common import not_future, person_in


@dataclass(frozen=True)
class CheckEntry:
    person: Person
    result: str  # NoteCheck.Result value, or "" to leave the member unchecked
    remark: str = ""


@writes.service
def checks_record(
    *,
    actor,
    organisation: Organisation,
    month: date,
    checked_on: date | None,
    entries: list[CheckEntry],
) -> list[NoteCheck]:
    """Record (or correct) one month's check, one row per member checked."""
    policy.require(actor, "study.check", organisation)
    month = month.replace(day=1)
    if month > timezone.localdate():
        raise ValidationError({"month": _("不能检查尚未到来的月份")})
    checked_on = not_future(checked_on, "checked_on", _("检查日期"))
    if checked_on < month:
        raise ValidationError(
            {"checked_on": _("检查日期不能早于所检查月份的第一天（%(day)s）") % {"day": cn_date(month)}}
        )
    chosen = [e for e in entries if e.result]
    if not chosen:
        raise ValidationError(_("请至少为一名党员填写检查结果"))
    saved = []
    for entry in chosen:
        if entry.result not in NoteCheck.Result.values:
            raise ValidationError(_("%(name)s的检查结果无效") % {"name": entry.person.name})
        person_in(organisation, entry.person)
        saved.append(_save_check(actor, organisation, month, checked_on, entry))
    return saved


def _save_check(
    actor, organisation: Organisation, month: date, checked_on: date, entry: CheckEntry
) -> NoteCheck:
    check = NoteCheck.objects.filter(organisation=organisation, month=month, person=entry.person).first()
    before = audit.snapshot(check) if check else None
    check = check or NoteCheck(organisation=organisation, month=month, person=entry.person)
    check.checker = getattr(actor, "person", None)
    check.checked_by = actor if getattr(actor, "is_authenticated", False) else None
    check.checked_on = checked_on
    check.result = entry.result
    check.remark = (entry.remark or "").strip()[:200]
    check.save()
    action = StudyAction.CHECK_UPDATED if before else StudyAction.CHECK_CREATED
    audit.record(actor, action, check, before=before, after=audit.snapshot(check))
    return check


# The optional weekly and monthly quotas, with the most a branch may sensibly ask: a quota above
# these is a typing slip (a yearly figure in the weekly box), not a requirement.
PERIOD_QUOTAS = {
    "weekly_hours": (_l("每周学习时数"), Decimal("40")),
    "monthly_hours": (_l("每月学习时数"), Decimal("160")),
}


@writes.service
def settings_update(
    *,
    actor,
    organisation: Organisation,
    version: int | None,
    books_per_term: int | None,
    member_hours: Decimal | None,
    officer_hours: Decimal | None,
    weekly_hours: Decimal | None = None,
    monthly_hours: Decimal | None = None,
    min_activity_kinds: int = StudySettings.DEFAULT_ACTIVITY_KINDS,
    min_attendance_rate: int = StudySettings.DEFAULT_ATTENDANCE_RATE,
) -> StudySettings:
    """Save the branch's quotas. The weekly and monthly 学时 are optional (None: no such quota)."""
    policy.require(actor, "study.settings", organisation)
    values = {"books_per_term": books_per_term, "member_hours": member_hours, "officer_hours": officer_hours}
    labels = {
        "books_per_term": _("每学期读书本数"),
        "member_hours": _("党员年度学时"),
        "officer_hours": _("书记、支委年度学时"),
    }
    for field, value in values.items():
        if value is None:
            raise ValidationError({field: _("请填写%(label)s") % {"label": labels[field]}})
        if value < 0:
            raise ValidationError({field: _("%(label)s不能为负数") % {"label": labels[field]}})
    optional = {"weekly_hours": weekly_hours, "monthly_hours": monthly_hours}
    for field, value in optional.items():
        label, most = PERIOD_QUOTAS[field]
        if value is not None and value < 0:
            raise ValidationError({field: _("%(label)s不能为负数") % {"label": label}})
        if value is not None and value > most:
            raise ValidationError(
                {field: _("%(label)s不能超过%(most)s小时") % {"label": label, "most": most}}
            )
    values.update(optional)
    thresholds = {
        "min_activity_kinds": (min_activity_kinds, 20, _("活动形式种数")),
        "min_attendance_rate": (min_attendance_rate, 100, _("组织生活出席率")),
    }
    for field, (value, most, label) in thresholds.items():
        if value is None or not 0 <= value <= most:
            raise ValidationError({field: _("%(label)s应在0到%(most)d之间") % {"label": label, "most": most}})
        values[field] = value
    row = StudySettings.objects.filter(organisation=organisation).first()
    if row is None:
        row = StudySettings(organisation=organisation, **values)
        writes.model_create(row, actor=actor, action=StudyAction.SETTINGS_CREATED)
        return row
    writes.model_update(row, actor=actor, action=StudyAction.SETTINGS_UPDATED, version=version, fields=values)
    return row
