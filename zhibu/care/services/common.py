"""Checks the care services share: money in yuan, dates, people of the branch, text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

MAX_MONEY = Decimal("9999999999.99")
CENT = Decimal("0.01")


def clean_money(value, field: str, label: str) -> Decimal:
    """Yuan as a Decimal with at most two places; empty is 0. Never a float: a float is refused
    too, so 0.1 + 0.2 never reaches a total."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Decimal("0.00")
    if isinstance(value, float):
        raise ValidationError({field: _("%(label)s须按元填写到分（不接受浮点数）") % {"label": label}})
    text = str(value).strip().replace(",", "").replace("，", "")
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("%(label)s“%(v)s”不是金额") % {"label": label, "v": value}}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("%(label)s“%(v)s”不是金额") % {"label": label, "v": value}})
    if amount < 0:
        raise ValidationError(
            {field: _("%(label)s不能为负数（填写的是%(v)s）") % {"label": label, "v": text}}
        )
    if amount != amount.quantize(CENT):
        raise ValidationError(
            {field: _("%(label)s最多保留两位小数（到分），填写的是%(v)s") % {"label": label, "v": text}}
        )
    if amount > MAX_MONEY:
        raise ValidationError({field: _("%(label)s超出可登记的范围") % {"label": label}})
    return amount.quantize(CENT)


def required_date(day: date | None, field: str, label: str) -> date:
    if day is None:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    return day


def not_future(day: date | None, field: str, label: str) -> date:
    required_date(day, field, label)
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("%(label)s（%(day)s）不能晚于今天") % {"label": label, "day": cn_date(day)}}
        )
    return day


def text(value: str | None, field: str, label: str, max_length: int, *, required: bool = False) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    if len(cleaned) > max_length:
        raise ValidationError({field: _("%(label)s不能超过%(n)d个字") % {"label": label, "n": max_length}})
    return cleaned


def of_branch(org: Organisation, person: Person | None, field: str) -> Person | None:
    """A person of the branch (its subtree), or None; anyone else is refused by name."""
    if person is None:
        return None
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def all_of_branch(org: Organisation, people: Iterable[Person], field: str) -> list[Person]:
    """Every person of `people` in the branch — one query for the lot."""
    people = list(people)
    inside = set(
        org.subtree().filter(pk__in={p.organisation_id for p in people}).values_list("pk", flat=True)
    )
    outsiders = [p.name for p in people if p.organisation_id not in inside]
    if outsiders:
        raise ValidationError({field: _("%(names)s不是本支部人员") % {"names": "、".join(outsiders)}})
    return people
