"""Volunteer events with who took part and for how long, and the volunteer groups members lead."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person

from ..audit_actions import ServiceAction
from ..models import EventKind, Participation, VolunteerEvent, VolunteerGroup
from .common import clean_count, clean_hours, not_future, optional_text, person_in, required_text


def _event_fields(org: Organisation, data: dict) -> dict:
    if data.get("kind") not in EventKind.values:
        raise ValidationError({"kind": _("请选择活动类别")})
    group = data.get("group")
    if group is not None and group.organisation_id != org.pk:
        raise ValidationError({"group": _("义工组织“%(g)s”不属于本支部") % {"g": group.name}})
    return {
        "kind": data["kind"],
        "title": required_text(data.get("title"), "title", _("活动内容"), 200),
        "held_on": not_future(data.get("held_on"), "held_on", _("活动日期")),
        "place": optional_text(data.get("place"), "place", _("地点"), 100),
        "campaign": optional_text(data.get("campaign"), "campaign", _("所属主题活动"), 100),
        "group": group,
        "outside_helpers": clean_count(
            data.get("outside_helpers") or 0, "outside_helpers", _("社会爱心人士人数"), low=0, high=10000
        ),
        "note": (data.get("note") or "").strip(),
    }


def _participants(org: Organisation, people: Iterable[Person]) -> list[Person]:
    return [person_in(org, p, "participants", _("参加人员")) for p in people]


def _add_participants(event: VolunteerEvent, people: list[Person], hours: Decimal) -> None:
    have = set(event.participants.values_list("person_id", flat=True))
    Participation.objects.bulk_create(
        Participation(event=event, organisation=event.organisation, person=p, hours=hours)
        for p in people
        if p.pk not in have
    )


@writes.service
def event_create(
    *, actor, organisation: Organisation, participants: Iterable[Person] = (), hours=None, **data
) -> VolunteerEvent:
    """An event and its participants, each credited `hours` (corrected per person afterwards)."""
    policy.require(actor, "service.edit", organisation)
    fields = _event_fields(organisation, data)
    people = _participants(organisation, participants)
    each = clean_hours(hours) if people or hours not in (None, "") else None
    event = VolunteerEvent(organisation=organisation, **fields)
    writes.model_create(
        event,
        actor=actor,
        action=ServiceAction.EVENT_CREATED,
        extra={"participants": [p.name for p in people], "hours": str(each or "")},
    )
    if people:
        _add_participants(event, people, each)
    return event


@writes.service
def event_update(
    *,
    actor,
    event: VolunteerEvent,
    version: int | None,
    participants: Iterable[Person] = (),
    hours=None,
    **data,
) -> VolunteerEvent:
    """Edit the event; people newly ticked get `hours`, people unticked are dropped, the others keep
    their own hours."""
    policy.require(actor, "service.edit", event)
    fields = _event_fields(event.organisation, data)
    people = _participants(event.organisation, participants)
    ticked = {p.pk for p in people}
    had = set(event.participants.values_list("person_id", flat=True))
    new = [p for p in people if p.pk not in had]
    each = clean_hours(hours) if new else None
    event.participants.exclude(person_id__in=ticked).delete()
    if new:
        _add_participants(event, new, each)
    return writes.model_update(
        event,
        actor=actor,
        action=ServiceAction.EVENT_UPDATED,
        version=version,
        fields=fields,
        extra_after={"participants": sorted(p.name for p in people)},
    )


@writes.service
def participation_update(*, actor, participation: Participation, hours) -> Participation:
    """Correct one person's hours at one event."""
    policy.require(actor, "service.edit", participation)
    return writes.model_change(
        participation, actor=actor, action=ServiceAction.HOURS_UPDATED, fields={"hours": clean_hours(hours)}
    )


def _group_fields(org: Organisation, data: dict) -> dict:
    founded = data.get("founded_on")
    return {
        "name": required_text(data.get("name"), "name", _("义工组织名称"), 60),
        "leader": person_in(org, data.get("leader"), "leader", _("负责人")),
        "founded_on": not_future(founded, "founded_on", _("成立日期")) if founded else None,
        "description": (data.get("description") or "").strip(),
    }


@writes.service
def group_create(*, actor, organisation: Organisation, **data) -> VolunteerGroup:
    policy.require(actor, "service.edit", organisation)
    group = VolunteerGroup(organisation=organisation, **_group_fields(organisation, data))
    return writes.model_create(group, actor=actor, action=ServiceAction.GROUP_CREATED)


@writes.service
def group_update(*, actor, group: VolunteerGroup, version: int | None, **data) -> VolunteerGroup:
    policy.require(actor, "service.edit", group)
    fields = _group_fields(group.organisation, data)
    return writes.model_update(
        group, actor=actor, action=ServiceAction.GROUP_UPDATED, version=version, fields=fields
    )
