"""Checks the service writes share: each raises a ValidationError naming the field in Chinese."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.fields import (  # noqa: F401 - the app's checks in one place
    clean_money,
    not_future,
    optional_text,
    required_text,
)
from zhibu.core.models import Organisation, Person

MAX_HOURS = Decimal("24")


def require_own_or_edit(actor, row) -> None:
    """A member writes her own rows (service.own's object rule); officers anyone's (service.edit)."""
    if not policy.in_scope(actor, row):
        raise Http404
    if policy.has_perm(actor, "service.edit", row) or policy.has_perm(actor, "service.own", row):
        return
    raise PermissionDenied("service.own")


def clean_hours(value, field: str = "hours") -> Decimal:
    """Hours of one day's service: more than 0, at most 24, one decimal."""
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("服务时长“%(v)s”不是数字") % {"v": value}}) from None
    if not hours.is_finite() or hours <= 0:
        raise ValidationError({field: _("服务时长须大于0小时")})
    if hours > MAX_HOURS:
        raise ValidationError(
            {field: _("一天的服务时长不能超过%(max)s小时（填写的是%(v)s）") % {"max": 24, "v": hours}}
        )
    if hours != hours.quantize(Decimal("0.1")):
        raise ValidationError({field: _("服务时长最多保留1位小数（填写的是%(v)s）") % {"v": hours}})
    return hours


def clean_count(value, field: str, label: str, *, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError({field: _("请填写%(label)s（整数）") % {"label": label}}) from None
    if not low <= number <= high:
        raise ValidationError(
            {
                field: _("%(label)s须在%(low)d到%(high)d之间（填写的是%(v)d）")
                % {"label": label, "low": low, "high": high, "v": number}
            }
        )
    return number


def person_in(org: Organisation, person: Person | None, field: str, label: str) -> Person:
    """A person of the branch (member or staff); someone of another branch is refused."""
    if person is None:
        raise ValidationError({field: _("请选择%(label)s") % {"label": label}})
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def own_row(row, org: Organisation) -> None:
    """A row picked in a form (a group, a pair) must be the organisation's own."""
    if row is not None and row.organisation_id != org.pk:
        raise ValidationError(_("所选记录不属于%(org)s") % {"org": org.name})
