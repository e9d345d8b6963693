"""The rules' versions and the branch's settings. A revised 细则 is entered row by row under a new
effective date; the rows of an earlier version are never changed (steps recorded under it were
judged by it)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import required_text
from zhibu.core.models import Organisation

from .. import intervals
from ..audit_actions import DevelopmentAction
from ..models import DevelopmentRule, DevelopmentSettings, Step

MAX_WINDOW_YEARS = 10


@writes.service
def rule_add(
    *,
    actor,
    organisation: Organisation,
    effective_from: date | None,
    edition: str,
    from_step: str,
    to_step: str,
    kind: str,
    months: int | None,
    days: int | None,
    source: str,
) -> DevelopmentRule:
    """One row of a version of the rules; `organisation` is the superior committee entering it."""
    policy.require(actor, "development.rules", organisation)
    if effective_from is None:
        raise ValidationError({"effective_from": _("请填写施行日期")})
    for field, value in (("from_step", from_step), ("to_step", to_step)):
        if value not in Step.values:
            raise ValidationError({field: _("请选择环节")})
    if kind not in DevelopmentRule.Kind.values:
        raise ValidationError({"kind": _("请选择要求")})
    months, days = months or 0, days or 0
    if months < 0 or days < 0 or (months == 0 and days == 0):
        raise ValidationError({"months": _("请填写间隔（月或天，不能为负数，不能都为0）")})
    if intervals.ORDER[to_step] < intervals.ORDER[from_step]:
        raise ValidationError({"to_step": _("后续环节不能排在起算环节之前")})
    if DevelopmentRule.objects.filter(
        effective_from=effective_from, from_step=from_step, to_step=to_step, kind=kind
    ).exists():
        raise ValidationError({"effective_from": _("该施行日期的版本中已有这条规定")})
    row = DevelopmentRule(
        effective_from=effective_from,
        edition=required_text(edition, "edition", _("依据文件"), 100),
        from_step=from_step,
        to_step=to_step,
        kind=kind,
        months=months,
        days=days,
        source=required_text(source, "source", _("条文"), 300),
    )
    return writes.model_create(row, actor=actor, action=DevelopmentAction.RULE_ADDED)


@writes.service
def settings_update(
    *, actor, organisation: Organisation, version: int | None, window_years: int | None
) -> DevelopmentSettings:
    policy.require(actor, "development.settings", organisation)
    if window_years is None or not 1 <= window_years <= MAX_WINDOW_YEARS:
        raise ValidationError({"window_years": _("年数须在1到%(n)d之间") % {"n": MAX_WINDOW_YEARS}})
    row = DevelopmentSettings.objects.filter(organisation=organisation).first()
    if row is None:
        row = DevelopmentSettings(organisation=organisation, window_years=window_years)
        return writes.model_create(row, actor=actor, action=DevelopmentAction.SETTINGS_CHANGED)
    return writes.model_update(
        row,
        actor=actor,
        action=DevelopmentAction.SETTINGS_CHANGED,
        version=version,
        fields={"window_years": window_years},
    )
