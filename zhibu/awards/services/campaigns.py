"""Setting up a campaign: its window, kinds with quotas, and quantified criteria with weights."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation

from ..audit_actions import AwardsAction
from ..models import AwardKind, Campaign, Criterion, CriterionScore, Scope
from .common import ballot_weight as clean_weight
from .common import optional_text, parse_criteria, parse_kinds, require_unpublished, required_text, window


def _year(year) -> int:
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError({"year": _("请填写年度，如2023")})
    return year


def _scope(org: Organisation, scope: str) -> str:
    if scope not in Scope.values:
        raise ValidationError({"scope": _("请选择评选方式")})
    is_branch = org.kind == Organisation.Kind.BRANCH
    if scope == Scope.BRANCH and not is_branch:
        raise ValidationError({"scope": _("党员投票评选由党支部发起；上级党委请选择“各支部推荐”")})
    if scope == Scope.BUREAU and is_branch:
        raise ValidationError({"scope": _("“各支部推荐”的评选由上级党委发起")})
    return scope


def _set_criteria(campaign: Campaign, criteria) -> None:
    campaign.criteria.all().delete()
    Criterion.objects.bulk_create(
        Criterion(
            campaign=campaign, organisation=campaign.organisation, name=c.name, weight=c.weight, order=n
        )
        for n, c in enumerate(criteria)
    )


@writes.service
def campaign_create(
    *,
    actor,
    organisation: Organisation,
    title: str,
    year: int,
    scope: str,
    opens_on: date | None,
    closes_on: date | None,
    kinds: str,
    criteria: str = "",
    ballot_weight: object = 100,
    note: str = "",
) -> Campaign:
    policy.require(actor, "awards.manage", organisation)
    scope = _scope(organisation, scope)
    opens_on, closes_on = window(opens_on, closes_on)
    kind_lines = parse_kinds(kinds, scope)
    criterion_lines = parse_criteria(criteria) if scope == Scope.BRANCH else []
    campaign = Campaign(
        organisation=organisation,
        title=required_text(title, "title", _("评选名称"), 100),
        year=_year(year),
        scope=scope,
        opens_on=opens_on,
        closes_on=closes_on,
        ballot_weight=clean_weight(ballot_weight, criterion_lines),
        note=optional_text(note, "note", _("说明"), 2000),
    )
    extra = {
        "kinds": [f"{k.name} {k.quota}" for k in kind_lines],
        "criteria": [f"{c.name} {c.weight}" for c in criterion_lines],
    }
    writes.model_create(campaign, actor=actor, action=AwardsAction.CAMPAIGN_CREATED, extra=extra)
    AwardKind.objects.bulk_create(
        AwardKind(
            campaign=campaign,
            organisation=organisation,
            name=k.name,
            quota=k.quota,
            recipient=k.recipient,
            honour_kind=k.honour_kind,
            honour_title=k.honour_title,
            order=n,
        )
        for n, k in enumerate(kind_lines)
    )
    _set_criteria(campaign, criterion_lines)
    return campaign


@writes.service
def campaign_update(
    *,
    actor,
    campaign: Campaign,
    version: int | None,
    title: str,
    year: int,
    opens_on: date | None,
    closes_on: date | None,
    criteria: str = "",
    ballot_weight: object = 100,
    note: str = "",
) -> Campaign:
    """The kinds and quotas stay as created (nominations hang on them); the criteria may change
    until the first score is entered."""
    policy.require(actor, "awards.manage", campaign)
    require_unpublished(campaign)
    opens_on, closes_on = window(opens_on, closes_on)
    criterion_lines = parse_criteria(criteria) if campaign.scope == Scope.BRANCH else []
    before = [f"{c.name} {c.weight}" for c in campaign.criteria.order_by("order")]
    after = [f"{c.name} {c.weight}" for c in criterion_lines]
    if before != after:
        if CriterionScore.objects.filter(criterion__campaign=campaign).exists():
            raise ValidationError({"criteria": _("已录入量化考核得分，不能再修改考核项目")})
        _set_criteria(campaign, criterion_lines)
    fields = {
        "title": required_text(title, "title", _("评选名称"), 100),
        "year": _year(year),
        "opens_on": opens_on,
        "closes_on": closes_on,
        "ballot_weight": clean_weight(ballot_weight, criterion_lines),
        "note": optional_text(note, "note", _("说明"), 2000),
    }
    return writes.model_update(
        campaign,
        actor=actor,
        action=AwardsAction.CAMPAIGN_UPDATED,
        version=version,
        fields=fields,
        extra_before={"criteria": before},
        extra_after={"criteria": after},
    )
