"""Checks the care services share: money in yuan, dates, people of the branch, text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The app's checks in one place (people of the branch: shared with the other ledgers in core.fields).
from zhibu.core.fields import all_of_branch, clean_money, not_future, of_branch  # noqa: F401

MAX_MONEY = Decimal("9999999999.99")
CENT = Decimal("0.01")


def required_date(day: date | None, field: str, label: str) -> date:
    if day is None:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    return day


def text(value: str | None, field: str, label: str, max_length: int, *, required: bool = False) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    if len(cleaned) > max_length:
        raise ValidationError({field: _("%(label)s不能超过%(n)d个字") % {"label": label, "n": max_length}})
    return cleaned
