"""Checks the study services share."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.fields import not_future, required_text  # noqa: F401 - the app's checks in one place
from zhibu.core.models import Organisation, Person

MAX_HOURS = Decimal("24")


def require_own_or_edit(actor, row) -> None:
    """A member writes her own rows (study.own's object rule); officers write anyone's (study.edit)."""
    if not policy.in_scope(actor, row):
        raise Http404
    if policy.has_perm(actor, "study.edit", row) or policy.has_perm(actor, "study.own", row):
        return
    raise PermissionDenied


def clean_hours(value, field: str = "hours") -> Decimal:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("学时“%(v)s”不是数字") % {"v": value}}) from None
    if hours < 0:
        raise ValidationError({field: _("学时不能为负数（填写的是%(v)s）") % {"v": hours}})
    if hours == 0:
        raise ValidationError({field: _("学时须大于0")})
    if hours > MAX_HOURS:
        raise ValidationError({field: _("一次学习的学时不能超过%(max)s小时") % {"max": MAX_HOURS}})
    return hours.quantize(Decimal("0.1"))


def person_in(org: Organisation, person: Person | None, field: str = "person") -> Person:
    if person is None:
        raise ValidationError({field: _("请选择党员")})
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person
