"""积分: the branch's rules (as data) and the manual adjustments, each audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, required_text
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date
from zhibu.core.registries import points as registry

from ..audit_actions import AppraisalAction
from ..models import CapPeriod, PointAdjustment, PointRule
from .common import clean_points, member_of


def _rule_fields(org: Organisation, rule: PointRule | None, *, source, points, cap, cap_period,
                 effective_from, effective_until, note) -> dict:  # fmt: skip
    if source not in registry.codes():
        raise ValidationError({"source": _("请选择积分项目")})
    if cap_period not in CapPeriod.values:
        raise ValidationError({"cap_period": _("请选择上限周期")})
    if effective_from is None:
        raise ValidationError({"effective_from": _("请填写生效日期")})
    if effective_until is not None and effective_until < effective_from:
        raise ValidationError(
            {"effective_until": _("失效日期（%(end)s）不能早于生效日期（%(start)s）")
             % {"end": cn_date(effective_until), "start": cn_date(effective_from)}}
        )  # fmt: skip
    same = PointRule.objects.filter(organisation=org, source=source).filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=effective_from)
    )
    if effective_until is not None:
        same = same.filter(effective_from__lte=effective_until)
    if rule is not None:
        same = same.exclude(pk=rule.pk)
    clash = same.order_by("effective_from").first()
    if clash is not None:
        raise ValidationError(
            {"effective_from": _("与%(day)s起生效的同一项目规则时间重叠，请先为原规则填写失效日期")
             % {"day": cn_date(clash.effective_from)}}
        )  # fmt: skip
    return {
        "source": source,
        "points": clean_points(points, "points", _("每次积分")),
        "cap": clean_points(cap, "cap", _("积分上限"), required=False),
        "cap_period": cap_period,
        "effective_from": effective_from,
        "effective_until": effective_until,
        "note": (note or "").strip()[:200],
    }


@writes.service
def rule_create(*, actor, organisation: Organisation, source: str, points, cap=None,
                cap_period: str = CapPeriod.MONTH, effective_from: date | None,
                effective_until: date | None = None, note: str = "") -> PointRule:  # fmt: skip
    policy.require(actor, "appraisal.points.manage", organisation)
    fields = _rule_fields(
        organisation, None, source=source, points=points, cap=cap, cap_period=cap_period,
        effective_from=effective_from, effective_until=effective_until, note=note,
    )  # fmt: skip
    rule = PointRule(organisation=organisation, **fields)
    return writes.model_create(rule, actor=actor, action=AppraisalAction.RULE_CREATED)


@writes.service
def rule_update(*, actor, rule: PointRule, version: int | None, source: str, points, cap=None,
                cap_period: str = CapPeriod.MONTH, effective_from: date | None,
                effective_until: date | None = None, note: str = "") -> PointRule:  # fmt: skip
    policy.require(actor, "appraisal.points.manage", rule)
    fields = _rule_fields(
        rule.organisation, rule, source=source, points=points, cap=cap, cap_period=cap_period,
        effective_from=effective_from, effective_until=effective_until, note=note,
    )  # fmt: skip
    return writes.model_update(
        rule, actor=actor, action=AppraisalAction.RULE_UPDATED, version=version, fields=fields
    )


@writes.service
def adjustment_create(*, actor, organisation: Organisation, person: Person | None, day: date | None,
                      points, reason: str) -> PointAdjustment:  # fmt: skip
    """A manual adjustment (plus or minus) of one member's points, with its reason."""
    policy.require(actor, "appraisal.points.manage", organisation)
    day = not_future(day, "day", _("日期"))
    fields = {
        "person": member_of(organisation, person, day, "person"),
        "day": day,
        "points": clean_points(points, "points", _("调整分值"), signed=True),
        "reason": required_text(reason, "reason", _("调整原因"), 200),
    }
    adjustment = PointAdjustment(organisation=organisation, **fields)
    return writes.model_create(adjustment, actor=actor, action=AppraisalAction.ADJUSTMENT_CREATED)
