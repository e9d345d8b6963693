"""谈心谈话: record and change a talk; the branch's monthly quota."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, of_branch, optional_text, required_text, whole_number
from zhibu.core.models import Organisation, PartyStatus, Person
from zhibu.core.periods import cn_date

from .. import selectors
from ..audit_actions import TalkAction
from ..models import Talk, TalkSettings

MAX_QUOTA = 31
# Whom a committee member talks with: members, the people on the way to membership, and staff.
TALKED_WITH_STATUSES = {
    PartyStatus.FULL,
    PartyStatus.PROBATIONARY,
    PartyStatus.ACTIVIST,
    PartyStatus.CANDIDATE,
    PartyStatus.APPLICANT,
}


def _of_branch(org: Organisation, person: Person | None, field: str, label: str) -> Person:
    if person is None:
        raise ValidationError({field: _("请选择%(label)s") % {"label": label}})
    return of_branch(org, person, field)


def _fields(org: Organisation, *, held_on, talker, talked_with, topic, content, follow_up) -> dict:
    day = not_future(held_on, "held_on", _("谈话日期"))
    talker = _of_branch(org, talker, "talker", _("谈话人"))
    if not selectors.is_committee_member(org, talker, day):
        raise ValidationError(
            {"talker": _("%(name)s在%(day)s不是支部委员，谈心谈话由支委进行")
             % {"name": talker.name, "day": cn_date(day)}}
        )  # fmt: skip
    other = _of_branch(org, talked_with, "talked_with", _("谈话对象"))
    if other.pk == talker.pk:
        raise ValidationError({"talked_with": _("谈话对象不能是谈话人本人")})
    if other.party_status not in TALKED_WITH_STATUSES and not other.is_staff_member:
        raise ValidationError(
            {"talked_with": _("%(name)s不是党员、入党积极分子或本单位教职工") % {"name": other.name}}
        )
    if other.left_on is not None and other.left_on < day:
        raise ValidationError(
            {
                "talked_with": _("%(name)s已于%(left)s离开本单位")
                % {"name": other.name, "left": cn_date(other.left_on)}
            }
        )
    return {
        "held_on": day,
        "talker": talker,
        "talked_with": other,
        "topic": required_text(topic, "topic", _("谈话主题"), 100),
        "content": required_text(content, "content", _("谈话内容"), 5000),
        "follow_up": optional_text(follow_up, "follow_up", _("后续跟进"), 2000),
    }


@writes.service
def talk_create(
    *,
    actor,
    organisation: Organisation,
    held_on: date | None,
    talker: Person | None,
    talked_with: Person | None,
    topic: str,
    content: str,
    follow_up: str = "",
) -> Talk:
    policy.require(actor, "talks.edit", organisation)
    fields = _fields(
        organisation,
        held_on=held_on,
        talker=talker,
        talked_with=talked_with,
        topic=topic,
        content=content,
        follow_up=follow_up,
    )
    return writes.model_create(
        Talk(organisation=organisation, **fields), actor=actor, action=TalkAction.TALK_CREATED
    )


@writes.service
def talk_update(
    *,
    actor,
    talk: Talk,
    version: int | None,
    held_on: date | None,
    talker: Person | None,
    talked_with: Person | None,
    topic: str,
    content: str,
    follow_up: str = "",
) -> Talk:
    """Only the talker or the secretary (the object rule of talks.edit) may change a talk."""
    policy.require(actor, "talks.edit", talk)
    fields = _fields(
        talk.organisation,
        held_on=held_on,
        talker=talker,
        talked_with=talked_with,
        topic=topic,
        content=content,
        follow_up=follow_up,
    )
    return writes.model_update(
        talk, actor=actor, action=TalkAction.TALK_UPDATED, version=version, fields=fields
    )


@writes.service
def settings_update(
    *, actor, organisation: Organisation, version: int | None, monthly_quota: int | None
) -> TalkSettings:
    policy.require(actor, "talks.settings", organisation)
    quota = whole_number(monthly_quota, "monthly_quota", _("每名支委每月谈心谈话次数"), 0, MAX_QUOTA)
    return writes.settings_save(
        TalkSettings,
        actor=actor,
        organisation=organisation,
        version=version,
        fields={"monthly_quota": quota},
        created=TalkAction.SETTINGS_CREATED,
        updated=TalkAction.SETTINGS_UPDATED,
    )
