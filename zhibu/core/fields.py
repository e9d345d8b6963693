"""Field checks the ledgers' services share: each returns the clean value or raises a
ValidationError naming the field in Chinese, so every form says what is wrong and where."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .periods import cn_date

CENT = Decimal("0.01")
MAX_MONEY = Decimal("9999999999.99")


def not_future(day: date | None, field: str, label: str) -> date:
    if day is None:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("%(label)s（%(day)s）不能晚于今天") % {"label": label, "day": cn_date(day)}}
        )
    return day


def required_text(value: str | None, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    return optional_text(text, field, label, max_length)


def optional_text(value: str | None, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError({field: _("%(label)s不能超过%(n)d个字") % {"label": label, "n": max_length}})
    return text


def clean_money(value, field: str = "money", label: str | None = None) -> Decimal:
    """Yuan as a Decimal with at most two places; empty is 0. A float is refused, so 0.1 + 0.2 never
    reaches a total; three decimals are refused, never rounded."""
    label = label or _("金额")
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


def whole_number(value: int | None, field: str, label: str, low: int, high: int) -> int:
    """A required whole number within low..high (a branch's quota or time limit)."""
    if value is None:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    if not low <= value <= high:
        raise ValidationError(
            {field: _("%(label)s须在%(low)d到%(high)d之间") % {"label": label, "low": low, "high": high}}
        )
    return value


def of_branch(org, person, field: str):
    """A person of the branch (its subtree), or None; anyone else is refused by name."""
    if person is None:
        return None
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def all_of_branch(org, people: Iterable, field: str) -> list:
    """Every person of `people` in the branch — one query for the lot."""
    people = list(people)
    inside = set(
        org.subtree().filter(pk__in={p.organisation_id for p in people}).values_list("pk", flat=True)
    )
    outsiders = [p.name for p in people if p.organisation_id not in inside]
    if outsiders:
        raise ValidationError({field: _("%(names)s不是本支部人员") % {"names": "、".join(outsiders)}})
    return people
