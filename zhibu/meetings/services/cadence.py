"""Writes to a branch's meeting types and the cadence rules (the bureau's). Same shape as the
meeting services: policy, validation, the write and its audit entry in one durable transaction."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from pypinyin import lazy_pinyin

from zhibu.core import policy, writes
from zhibu.core.models import Organisation

from .. import selectors
from ..audit_actions import MeetingsAction
from ..models import CadenceRule, MeetingType


@writes.service
def meeting_type_create(
    *, actor, organisation: Organisation, name: str, allows_non_members: bool = False
) -> MeetingType:
    """A branch's own meeting type (e.g. 包教工作座谈会)."""
    policy.require(actor, "meetings.edit", organisation)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("请填写类型名称")})
    if selectors.types_for(organisation).filter(name=name).exists():
        raise ValidationError({"name": _("已有名为“%(name)s”的会议类型") % {"name": name}})
    code = "x-" + "-".join(lazy_pinyin(name))[:50]
    suffix, base = 1, code
    while MeetingType.objects.filter(organisation=organisation, code=code).exists():
        suffix += 1
        code = f"{base}-{suffix}"
    item = writes.model_create(
        MeetingType(
            code=code, name=name, organisation=organisation, order=500, allows_non_members=allows_non_members
        ),
        actor=actor,
        action=MeetingsAction.TYPE_CREATED,
        organisation=organisation,
    )
    return item


def _require_rules(actor, organisation: Organisation | None) -> None:
    if organisation is not None:
        policy.require(actor, "meetings.rules", organisation)
        return
    roots = Organisation.objects.filter(parent__isnull=True)
    if not any(policy.has_perm(actor, "meetings.rules", root) for root in roots):
        raise PermissionDenied


@writes.service
def cadence_rule_set(
    *,
    actor,
    meeting_type: MeetingType,
    organisation: Organisation | None,
    every: str,
    times: int,
    effective_from: date,
    term_time_only: bool = False,
    basis: str = "",
) -> CadenceRule:
    """Put a new rule in force from a date. The current rule for the same type and organisation
    is closed the day before; nothing before that date is rewritten, so past periods are still
    judged by the rule that was in force then."""
    _require_rules(actor, organisation)
    errors: dict[str, str] = {}
    if every not in CadenceRule.Every.values:
        errors["every"] = _("未知的周期")
    if not times or times < 1:
        errors["times"] = _("每周期至少召开1次")
    if effective_from < timezone.localdate():
        errors["effective_from"] = _("生效日期不能早于今天：规则调整不改写已经过去的期间")
    current = (
        CadenceRule.objects.select_for_update()
        .filter(meeting_type=meeting_type, organisation=organisation)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=effective_from))
        .order_by("-effective_from")
        .first()
    )
    if current and effective_from <= current.effective_from and "effective_from" not in errors:
        errors["effective_from"] = _("生效日期须晚于现行规则的生效日期%(d)s") % {"d": current.effective_from}
    if errors:
        raise ValidationError(errors)
    if current:
        writes.model_change(
            current,
            actor=actor,
            action=MeetingsAction.RULE_CLOSED,
            fields={"effective_to": effective_from - timedelta(days=1)},
            organisation=organisation,
        )
    rule = writes.model_create(
        CadenceRule(
            meeting_type=meeting_type,
            organisation=organisation,
            org_kind=current.org_kind
            if current
            else ("group" if meeting_type.code == "group_meeting" else "branch"),
            every=every,
            times=times,
            term_time_only=term_time_only,
            effective_from=effective_from,
            basis=basis.strip()[:200],
        ),
        actor=actor,
        action=MeetingsAction.RULE_CREATED,
        organisation=organisation,
    )
    return rule
