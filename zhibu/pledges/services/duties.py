"""岗位职责: officers record the branch's and each member's duties (they are published with the
pledges, so officers keep them; a member reads them)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person

from ..audit_actions import PledgesAction
from ..models import Duty
from .common import not_before, required_day, required_text, scope_and_person


def _fields(
    org: Organisation,
    *,
    scope: str,
    person: Person | None,
    post: str,
    content: str,
    starts_on: date | None,
    ends_on: date | None,
) -> dict:
    scope, person = scope_and_person(org, scope, person)
    starts_on = required_day(starts_on, "starts_on", _("起始日期"))
    if ends_on is not None:
        not_before(ends_on, starts_on, "ends_on", _("截止日期"), _("起始日期"))
    return {
        "scope": scope,
        "person": person,
        "post": required_text(post, "post", _("岗位"), 60),
        "content": required_text(content, "content", _("岗位职责"), 4000),
        "starts_on": starts_on,
        "ends_on": ends_on,
    }


@writes.service
def duty_create(
    *,
    actor,
    organisation: Organisation,
    scope: str,
    post: str,
    content: str,
    starts_on: date | None,
    person: Person | None = None,
    ends_on: date | None = None,
) -> Duty:
    policy.require(actor, "pledges.edit", organisation)
    fields = _fields(
        organisation,
        scope=scope,
        person=person,
        post=post,
        content=content,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    return writes.model_create(
        Duty(organisation=organisation, **fields), actor=actor, action=PledgesAction.DUTY_CREATED
    )


@writes.service
def duty_update(
    *,
    actor,
    duty: Duty,
    version: int | None,
    scope: str,
    post: str,
    content: str,
    starts_on: date | None,
    person: Person | None = None,
    ends_on: date | None = None,
) -> Duty:
    policy.require(actor, "pledges.edit", duty)
    fields = _fields(
        duty.organisation,
        scope=scope,
        person=person,
        post=post,
        content=content,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    return writes.model_update(
        duty, actor=actor, action=PledgesAction.DUTY_UPDATED, version=version, fields=fields
    )
