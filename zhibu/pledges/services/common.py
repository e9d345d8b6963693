"""Checks the pledges services share: each names the field and says what is wrong, in Chinese."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.fields import (  # noqa: F401 - the app's checks in one place
    not_future,
    optional_text,
    required_text,
)
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..models import Scope


def require_own_or_edit(actor, row) -> None:
    """A member writes her own pledge's rows (pledges.own's object rule); officers anyone's."""
    if not policy.in_scope(actor, row):
        raise Http404
    if policy.has_perm(actor, "pledges.edit", row) or policy.has_perm(actor, "pledges.own", row):
        return
    raise PermissionDenied("pledges.edit")


def person_in(org: Organisation, person: Person, field: str) -> Person:
    """A person of another branch is refused, by name."""
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def scope_and_person(
    org: Organisation, scope: str | None, person: Person | None
) -> tuple[str, Person | None]:
    """A member's pledge (or duty) names her; the branch's names nobody."""
    if scope not in Scope.values:
        raise ValidationError({"scope": _("请选择承诺主体")})
    if scope == Scope.MEMBER:
        if person is None:
            raise ValidationError({"person": _("党员的承诺请选择党员")})
        return scope, person_in(org, person, "person")
    if person is not None:
        raise ValidationError({"person": _("党支部的承诺不填党员")})
    return scope, None


def not_before(day: date, start: date, field: str, label: str, start_label: str) -> date:
    if day < start:
        raise ValidationError(
            {
                field: _("%(label)s（%(day)s）不能早于%(start_label)s（%(start)s）")
                % {"label": label, "day": cn_date(day), "start_label": start_label, "start": cn_date(start)}
            }
        )
    return day


def required_day(day: date | None, field: str, label: str) -> date:
    if day is None:
        raise ValidationError({field: _("请填写%(label)s") % {"label": label}})
    return day
