"""Checks the care services share: money in yuan, dates, people of the branch, text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core.fields import clean_money, not_future  # noqa: F401 - the app's checks in one place
from zhibu.core.models import Organisation, Person

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
