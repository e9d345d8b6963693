"""Checks the 评先评优 services share: each names the field and says what is wrong, in Chinese."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core.fields import (  # noqa: F401 - the app's checks in one place
    not_future,
    optional_text,
    required_text,
)
from zhibu.core.periods import cn_date

from ..models import Campaign, Recipient, Scope

HUNDRED = Decimal(100)
# honour kinds as the honours ledger names them (its HonourKind values)
EXCELLENT_MEMBER, ADVANCED_PERSON, ADVANCED_BRANCH = "excellent_member", "advanced_person", "advanced_branch"


@dataclass(frozen=True)
class KindLine:
    name: str
    quota: int
    recipient: str
    honour_kind: str
    honour_title: str


@dataclass(frozen=True)
class CriterionLine:
    name: str
    weight: Decimal


def _split(line: str, field: str, what: str) -> tuple[str, str]:
    parts = line.replace("：", " ").replace(":", " ").replace("%", " ").replace("％", " ").split()
    if len(parts) < 2:
        raise ValidationError({field: _("“%(line)s”请写成“%(what)s”") % {"line": line, "what": what}})
    return " ".join(parts[:-1]), parts[-1]


def parse_kinds(text: str, scope: str) -> list[KindLine]:
    """One kind a line: "优秀共产党员 4". A name with 党支部 is a branch's award (先进党支部); the
    honour is named as the summaries name it: 校级优秀共产党员 in a branch's selection, 局… in the
    bureau's."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if not lines:
        raise ValidationError({"kinds": _("请填写奖项和名额，每行一项，如“优秀共产党员 4”")})
    kinds: list[KindLine] = []
    for line in lines:
        name, number = _split(line, "kinds", _("奖项 名额"))
        if not number.isdigit() or not 1 <= int(number) <= 99:
            raise ValidationError({"kinds": _("“%(line)s”的名额应为1至99的整数") % {"line": line}})
        if len(name) > 50:
            raise ValidationError({"kinds": _("奖项名称最多50个字")})
        if name in {k.name for k in kinds}:
            raise ValidationError({"kinds": _("奖项“%(name)s”重复") % {"name": name}})
        if "党支部" in name:
            recipient, honour = Recipient.BRANCH, ADVANCED_BRANCH
        else:
            recipient = Recipient.PERSON
            honour = EXCELLENT_MEMBER if "优秀共产党员" in name else ADVANCED_PERSON
        if recipient == Recipient.BRANCH and scope == Scope.BRANCH:
            raise ValidationError({"kinds": _("“%(name)s”由上级党委评选，支部评选只评个人") % {"name": name}})
        if scope == Scope.BUREAU:
            prefix = "" if name.startswith("局") else "局"
        else:
            prefix = "校级" if honour == EXCELLENT_MEMBER and not name.startswith("校级") else ""
        kinds.append(KindLine(name, int(number), recipient, honour, f"{prefix}{name}"))
    return kinds


def parse_criteria(text: str) -> list[CriterionLine]:
    """One criterion a line: "日常工作表现 30"; the weights sum to 100 (%)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    criteria: list[CriterionLine] = []
    for line in lines:
        name, number = _split(line, "criteria", _("考核项目 权重"))
        try:
            weight = Decimal(number)
        except InvalidOperation:
            raise ValidationError({"criteria": _("“%(line)s”的权重应为数字") % {"line": line}}) from None
        if not Decimal(0) < weight <= HUNDRED:
            raise ValidationError({"criteria": _("“%(line)s”的权重应大于0且不超过100") % {"line": line}})
        if name in {c.name for c in criteria} or len(name) > 50:
            raise ValidationError({"criteria": _("考核项目“%(name)s”重复或过长") % {"name": name}})
        criteria.append(CriterionLine(name, weight))
    total = sum((c.weight for c in criteria), Decimal(0))
    if criteria and total != HUNDRED:
        raise ValidationError(
            {
                "criteria": _("各考核项目的权重之和应为100%%，现为%(total)s%%")
                % {"total": format(total.normalize(), "f")}
            }
        )
    return criteria


def window(opens_on: date | None, closes_on: date | None) -> tuple[date, date]:
    if opens_on is None:
        raise ValidationError({"opens_on": _("请填写开始日期")})
    if closes_on is None:
        raise ValidationError({"closes_on": _("请填写截止日期")})
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("截止日期不能早于开始日期")})
    return opens_on, closes_on


def ballot_weight(value, criteria: list) -> Decimal:
    try:
        weight = Decimal(value if value not in (None, "") else 100)
    except InvalidOperation:
        raise ValidationError({"ballot_weight": _("投票得分权重应为0至100的数字")}) from None
    if not Decimal(0) <= weight <= HUNDRED:
        raise ValidationError({"ballot_weight": _("投票得分权重应为0至100的数字")})
    if not criteria and weight != HUNDRED:
        raise ValidationError({"ballot_weight": _("没有量化考核项目时，投票得分权重应为100%")})
    return weight


def today() -> date:
    return timezone.localdate()


def is_open(campaign: Campaign, day: date | None = None) -> bool:
    day = day or today()
    return campaign.opens_on <= day <= campaign.closes_on


def is_closed(campaign: Campaign, day: date | None = None) -> bool:
    return (day or today()) > campaign.closes_on


def require_open(campaign: Campaign, what: str) -> None:
    if not is_open(campaign):
        raise ValidationError(
            _("%(what)s时间为%(start)s至%(end)s，现在不能%(what)s")
            % {
                "what": what,
                "start": cn_date(campaign.opens_on),
                "end": cn_date(campaign.closes_on),
            }
        )


def require_unpublished(campaign: Campaign) -> None:
    if campaign.published_on:
        raise ValidationError(_("评选结果已公示，不能再修改"))
