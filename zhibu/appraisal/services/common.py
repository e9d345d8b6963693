"""Checks the appraisal services share: a points value, a member of the branch."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation, Person
from zhibu.people import selectors as people_selectors

CENT = Decimal("0.01")
MAX_POINTS = Decimal("10000")


def clean_points(
    value, field: str, label: str, *, signed: bool = False, required: bool = True
) -> Decimal | None:
    """Points as a Decimal with at most two places (0.5 分 is fine); a float is refused so no binary
    tail reaches a total. Negative only when `signed` (an adjustment); zero never."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
        return None
    if isinstance(value, float):
        raise ValidationError({field: _("%(label)s须填写数字（不接受浮点数）") % {"label": label}})
    text = str(value).strip()
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("%(label)s“%(v)s”不是数字") % {"label": label, "v": value}}) from None
    if not number.is_finite():
        raise ValidationError({field: _("%(label)s“%(v)s”不是数字") % {"label": label, "v": value}})
    if number < 0 and not signed:
        raise ValidationError(
            {field: _("%(label)s不能为负数（填写的是%(v)s）") % {"label": label, "v": text}}
        )
    if number == 0:
        raise ValidationError({field: _("%(label)s不能为0") % {"label": label}})
    if number != number.quantize(CENT):
        raise ValidationError(
            {field: _("%(label)s最多保留两位小数，填写的是%(v)s") % {"label": label, "v": text}}
        )
    if abs(number) > MAX_POINTS:
        raise ValidationError({field: _("%(label)s超出可登记的范围") % {"label": label}})
    return number.quantize(CENT)


def member_of(org: Organisation, person: Person | None, day: date, field: str) -> Person:
    """A party member of the branch on `day`; anyone else is refused by name."""
    if person is None:
        raise ValidationError({field: _("请选择党员")})
    if not people_selectors.members_on(org, day).filter(pk=person.pk).exists():
        raise ValidationError({field: _("%(name)s不是本支部党员") % {"name": person.name}})
    return person
