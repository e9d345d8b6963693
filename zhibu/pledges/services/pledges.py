"""Pledges (承诺) and their items: a member makes her own, officers make the branch's and correct
anyone's. An item's deadline lies within its pledge's span; a closed item is not edited (reopen it)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person

from ..audit_actions import PledgesAction
from ..models import ItemProgress, Pledge, PledgeItem, Scope
from .common import (
    not_before,
    not_future,
    optional_text,
    person_in,
    require_own_or_edit,
    required_day,
    required_text,
    scope_and_person,
)

START = _("承诺日期")


def _pledge_fields(
    org: Organisation,
    *,
    scope: str,
    person: Person | None,
    title: str,
    identity: str,
    starts_on: date | None,
    ends_on: date | None,
    note: str,
) -> dict:
    scope, person = scope_and_person(org, scope, person)
    starts_on = not_future(starts_on, "starts_on", _("承诺日期"))
    ends_on = not_before(
        required_day(ends_on, "ends_on", _("承诺期至")), starts_on, "ends_on", _("承诺期至"), START
    )
    return {
        "scope": scope,
        "person": person,
        "title": required_text(title, "title", _("承诺名称"), 100),
        "identity": optional_text(identity, "identity", _("亮身份"), 100),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "note": optional_text(note, "note", _("备注"), 2000),
    }


@writes.service
def pledge_create(
    *,
    actor,
    organisation: Organisation,
    scope: str,
    title: str,
    starts_on: date | None,
    ends_on: date | None,
    person: Person | None = None,
    identity: str = "",
    note: str = "",
) -> Pledge:
    """A member's own pledge needs pledges.own (she is its person); any other needs pledges.edit."""
    pledge = Pledge(organisation=organisation, person=person if scope == Scope.MEMBER else None)
    require_own_or_edit(actor, pledge)
    fields = _pledge_fields(
        organisation,
        scope=scope,
        person=person,
        title=title,
        identity=identity,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
    )
    for name, value in fields.items():
        setattr(pledge, name, value)
    return writes.model_create(pledge, actor=actor, action=PledgesAction.PLEDGE_CREATED)


@writes.service
def pledge_update(
    *,
    actor,
    pledge: Pledge,
    version: int | None,
    scope: str,
    title: str,
    starts_on: date | None,
    ends_on: date | None,
    person: Person | None = None,
    identity: str = "",
    note: str = "",
) -> Pledge:
    require_own_or_edit(actor, pledge)
    fields = _pledge_fields(
        pledge.organisation,
        scope=scope,
        person=person,
        title=title,
        identity=identity,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note,
    )
    if fields["person"] != pledge.person and not policy.has_perm(actor, "pledges.edit", pledge):
        raise ValidationError({"person": _("只能修改本人的承诺")})
    outside = pledge.items.exclude(due_on__range=(fields["starts_on"], fields["ends_on"])).first()
    if outside is not None:
        raise ValidationError(
            {
                "starts_on": _("承诺事项“%(item)s”的完成时限不在新的承诺期内，请先调整该事项")
                % {"item": outside.content}
            }
        )
    return writes.model_update(
        pledge, actor=actor, action=PledgesAction.PLEDGE_UPDATED, version=version, fields=fields
    )


def _item_fields(pledge: Pledge, *, content: str, due_on: date | None, responsible: Person | None) -> dict:
    due_on = required_day(due_on, "due_on", _("完成时限"))
    not_before(due_on, pledge.starts_on, "due_on", _("完成时限"), START)
    if due_on > pledge.ends_on:
        raise ValidationError(
            {"due_on": _("完成时限不能晚于承诺期至（%(end)s）") % {"end": pledge.ends_on.isoformat()}}
        )
    if responsible is not None:
        if pledge.scope == Scope.MEMBER:
            raise ValidationError({"responsible": _("党员本人的承诺不另设责任人")})
        person_in(pledge.organisation, responsible, "responsible")
    return {
        "content": required_text(content, "content", _("承诺事项"), 300),
        "due_on": due_on,
        "responsible": responsible,
    }


@writes.service
def item_create(
    *, actor, pledge: Pledge, content: str, due_on: date | None, responsible: Person | None = None
) -> PledgeItem:
    require_own_or_edit(actor, pledge)
    fields = _item_fields(pledge, content=content, due_on=due_on, responsible=responsible)
    item = PledgeItem(pledge=pledge, organisation=pledge.organisation, **fields)
    return writes.model_create(item, actor=actor, action=PledgesAction.ITEM_CREATED)


@writes.service
def item_update(
    *,
    actor,
    item: PledgeItem,
    version: int | None,
    content: str,
    due_on: date | None,
    responsible: Person | None = None,
) -> PledgeItem:
    require_own_or_edit(actor, item.pledge)
    if item.is_closed:
        raise ValidationError(_("该事项已销号，不能修改；如需修改请先重新打开。"))
    fields = _item_fields(item.pledge, content=content, due_on=due_on, responsible=responsible)
    return writes.model_update(
        item, actor=actor, action=PledgesAction.ITEM_UPDATED, version=version, fields=fields
    )


@writes.service
def progress_add(*, actor, item: PledgeItem, noted_on: date | None, text: str) -> ItemProgress:
    """The pledger (or an officer) notes how the item is going."""
    require_own_or_edit(actor, item)
    noted_on = not_future(noted_on, "noted_on", _("日期"))
    not_before(noted_on, item.pledge.starts_on, "noted_on", _("日期"), START)
    progress = ItemProgress(
        item=item,
        organisation=item.organisation,
        noted_on=noted_on,
        text=required_text(text, "text", _("进展情况"), 1000),
        author=policy.person_of(actor),
    )
    return writes.model_create(progress, actor=actor, action=PledgesAction.PROGRESS_ADDED)
