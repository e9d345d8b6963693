"""组织关系转接 and 党籍 marks. A transfer out sets the member's left date (she stays on the roster's
history, so past periods count her); a transfer in adds the member with her party history and
records her arrival, from which day she counts here. Marks are dated: 停止党籍 takes a member out of
the member count while it runs, 流动党员 and 失联党员 are counted apart."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, optional_text, required_text
from zhibu.core.models import Organisation, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import cn_date

from .. import selectors, transfer_selectors
from ..audit_actions import PeopleAction
from ..models import Direction, MarkKind, StatusMark, Transfer
from .persons import person_add

PERM = "people.transfers"


def _other(other_organisation: Organisation | None, other_name: str, own: Organisation, label: str) -> str:
    """The other side: an organisation in the system (its name is kept as text too, so the row
    still reads right if it is renamed) or the name as written on the letter."""
    if other_organisation is not None:
        if other_organisation.pk == own.pk:
            raise ValidationError({"other_organisation": _("不能与本支部自身办理组织关系转接")})
        return other_organisation.name
    return required_text(other_name, "other_name", label, 100)


def _letter(organisation: Organisation, direction: str, letter_number: str) -> str:
    letter = required_text(letter_number, "letter_number", _("介绍信编号"), 60)
    taken = transfer_selectors.transfer_with_letter(organisation, direction, letter)
    if taken is not None:
        raise ValidationError(
            {
                "letter_number": _("介绍信编号“%(n)s”已用于%(day)s%(name)s的%(what)s，同一介绍信不能登记两次")
                % {
                    "n": letter,
                    "day": cn_date(taken.transferred_on),
                    "name": taken.person.name,
                    "what": taken.get_direction_display(),
                }
            }
        )
    return letter


@writes.service
def transfer_out(
    *,
    actor,
    person: Person,
    transferred_on: date | None,
    letter_number: str,
    other_organisation: Organisation | None = None,
    other_name: str = "",
    note: str = "",
) -> Transfer:
    """转出: the letter issued on `transferred_on`, her last day as this branch's member."""
    policy.require(actor, PERM, person)
    not_future(transferred_on, "transferred_on", _("转接日期"))
    if person.left_on is not None:
        raise ValidationError(
            {
                "transferred_on": _("%(name)s已于%(day)s离开本支部")
                % {"name": person.name, "day": cn_date(person.left_on)}
            }
        )
    if not selectors.is_member_on(person, transferred_on):
        raise ValidationError(
            {
                "transferred_on": _("%(name)s在%(day)s不是本支部党员，只有党员才能办理组织关系转出")
                % {"name": person.name, "day": cn_date(transferred_on)}
            }
        )
    org = person.organisation
    transfer = Transfer(
        organisation=org,
        person=person,
        direction=Direction.OUT,
        transferred_on=transferred_on,
        other_organisation=other_organisation,
        other_name=_other(other_organisation, other_name, org, _("转往的党组织")),
        letter_number=_letter(org, Direction.OUT, letter_number),
        note=optional_text(note, "note", _("备注"), 200),
    )
    writes.model_create(transfer, actor=actor, action=PeopleAction.TRANSFER_OUT)
    writes.model_update(
        person,
        actor=actor,
        action=PeopleAction.PERSON_UPDATED,
        version=person.version,
        fields={"left_on": transferred_on},
    )
    return transfer


@writes.service
def transfer_in(
    *,
    actor,
    organisation: Organisation,
    transferred_on: date | None,
    letter_number: str,
    person: dict[str, Any],
    party_status: str,
    member_since: date | None,
    other_organisation: Organisation | None = None,
    other_name: str = "",
    note: str = "",
) -> Transfer:
    """转入: the member arrives with her letter; she is added with her party status since the day
    she took it (kept by her former branch) and counts here from `transferred_on`."""
    policy.require(actor, PERM, organisation)
    not_future(transferred_on, "transferred_on", _("转接日期"))
    if party_status not in MEMBER_STATUSES:
        raise ValidationError({"party_status": _("组织关系转入的须是预备党员或正式党员")})
    label = _("入党日期") if party_status == "probationary" else _("转正日期")
    not_future(member_since, "member_since", label)
    if member_since > transferred_on:
        raise ValidationError(
            {
                "member_since": _("%(label)s（%(day)s）不能晚于转接日期（%(t)s）")
                % {"label": label, "day": cn_date(member_since), "t": cn_date(transferred_on)}
            }
        )
    other = _other(other_organisation, other_name, organisation, _("转出的党组织"))
    letter = _letter(organisation, Direction.IN, letter_number)
    newcomer = person_add(
        actor=actor,
        organisation=organisation,
        data=person,
        party_status=party_status,
        status_since=member_since,
    )
    transfer = Transfer(
        organisation=organisation,
        person=newcomer,
        direction=Direction.IN,
        transferred_on=transferred_on,
        other_organisation=other_organisation,
        other_name=other,
        letter_number=letter,
        note=optional_text(note, "note", _("备注"), 200),
    )
    return writes.model_create(transfer, actor=actor, action=PeopleAction.TRANSFER_IN)


def _end_after_start(started_on: date, ended_on: date | None) -> date | None:
    if ended_on is None:
        return None
    not_future(ended_on, "ended_on", _("结束日期"))
    if ended_on < started_on:
        raise ValidationError(
            {
                "ended_on": _("结束日期（%(end)s）不能早于开始日期（%(start)s）")
                % {"end": cn_date(ended_on), "start": cn_date(started_on)}
            }
        )
    return ended_on


@writes.service
def mark_add(
    *,
    actor,
    person: Person,
    kind: str,
    started_on: date | None,
    reason: str,
    ended_on: date | None = None,
) -> StatusMark:
    """A 党籍 mark from `started_on` (to `ended_on`, or still running) on a member."""
    policy.require(actor, PERM, person)
    if kind not in MarkKind.values:
        raise ValidationError({"kind": _("请选择党籍标记")})
    not_future(started_on, "started_on", _("开始日期"))
    ended_on = _end_after_start(started_on, ended_on)
    reason = required_text(reason, "reason", _("原因"), 200)
    overlapping = transfer_selectors.marks_overlapping(person, kind, started_on, ended_on)
    if overlapping is not None:
        raise ValidationError({"started_on": _("与已登记的“%(mark)s”时间重叠") % {"mark": overlapping}})
    if not selectors.is_member_on(person, started_on):
        raise ValidationError(
            {
                "started_on": _("%(name)s在%(day)s不是本支部党员，不能登记%(kind)s")
                % {"name": person.name, "day": cn_date(started_on), "kind": MarkKind(kind).label}
            }
        )
    mark = StatusMark(
        organisation=person.organisation,
        person=person,
        kind=kind,
        started_on=started_on,
        ended_on=ended_on,
        reason=reason,
    )
    return writes.model_create(mark, actor=actor, action=PeopleAction.MARK_ADDED)


@writes.service
def mark_end(*, actor, mark: StatusMark, ended_on: date | None, version: int | None) -> StatusMark:
    """The mark's last day (恢复党籍, 流动结束, 取得联系)."""
    policy.require(actor, PERM, mark)
    if mark.ended_on is not None:
        raise ValidationError({"ended_on": _("该标记已于%(day)s结束") % {"day": cn_date(mark.ended_on)}})
    if ended_on is None:
        raise ValidationError({"ended_on": _("请填写结束日期")})
    ended_on = _end_after_start(mark.started_on, ended_on)
    return writes.model_update(
        mark, actor=actor, action=PeopleAction.MARK_ENDED, version=version, fields={"ended_on": ended_on}
    )
