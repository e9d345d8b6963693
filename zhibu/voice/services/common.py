"""Checks the voice services share."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation, Person


def of_branch(org: Organisation, person: Person | None, field: str) -> Person | None:
    """A person of the branch (its subtree), or None; anyone else is refused by name."""
    if person is None:
        return None
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def all_of_branch(org: Organisation, people: Iterable[Person], field: str) -> list[Person]:
    people = list(people)
    inside = set(
        org.subtree().filter(pk__in={p.organisation_id for p in people}).values_list("pk", flat=True)
    )
    outsiders = [p.name for p in people if p.organisation_id not in inside]
    if outsiders:
        raise ValidationError({field: _("%(names)s不是本支部人员") % {"names": "、".join(outsiders)}})
    return people


def meeting_of_branch(org: Organisation, meeting, field: str):
    if meeting is None:
        return None
    if not org.subtree().filter(pk=meeting.organisation_id).exists():
        raise ValidationError({field: _("会议“%(m)s”不是本支部的会议") % {"m": meeting.topic}})
    return meeting
