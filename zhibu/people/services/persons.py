"""Writes to the roster: create, update, party status changes. Each validates, writes and audits
in one transaction (zhibu's write shape, see EXAMPLES.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from pypinyin import lazy_pinyin

from zhibu.core import audit, idnumbers, policy, writes
from zhibu.core.crypto import blind_index
from zhibu.core.models import Organisation, PartyStatus, PartyStatusChange, Person
from zhibu.core.strokes import name_sort_string
from zhibu.core.versioning import update_versioned

from ..audit_actions import PeopleAction

PERSON_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "phone",
    "id_number",
    "unit",
    "is_staff_member",
    "is_retired",
    "left_on",
)


def pinyin_of(name: str) -> str:
    return "".join(lazy_pinyin(name))


def _clean_identity(data: dict[str, Any], *, exclude_pk: int | None = None) -> dict[str, Any]:
    data = dict(data)
    if data.get("id_number"):
        data["id_number"] = idnumbers.normalise(data["id_number"])
        reason = idnumbers.problem(data["id_number"])
        if reason:
            raise ValidationError({"id_number": reason})
        digest = blind_index(data["id_number"], "person.id_number")
        # Someone who has left her branch (转出, left_on) no longer holds the number: a member moving
        # between two branches of the city arrives at the second as a new roster entry, and the
        # first keeps her in its past periods.
        holder = (
            Person.objects.filter(id_number_digest=digest, left_on__isnull=True)
            .exclude(pk=exclude_pk)
            .first()
        )
        if holder is not None:
            # The same number is the same human: say where she is registered (not who else is
            # there), and that moving her between branches is the superior's 组织关系转接.
            raise ValidationError(
                {
                    "id_number": _(
                        "该身份证号已登记在%(org)s的人员名下。如是同一人调入，请由上级党委办理组织关系转接。"
                    )
                    % {"org": holder.organisation.name}
                }
            )
        data["id_number_digest"] = digest
        if not data.get("birth_date"):
            data["birth_date"] = idnumbers.birth_date(data["id_number"])
    elif "id_number" in data:
        data["id_number_digest"] = ""
    if "name" in data:
        data["name"] = (data["name"] or "").strip()
        if not data["name"]:
            raise ValidationError({"name": _("姓名不能为空")})
        data["name_pinyin"] = pinyin_of(data["name"])
        data["name_strokes"] = name_sort_string(data["name"])
    return data


def person_add(
    *,
    actor,
    organisation: Organisation,
    data: dict[str, Any],
    party_status: str = PartyStatus.NONE,
    status_since: date | None = None,
) -> Person:
    """Internal: validate and add one person with the first step of her status history. The
    caller has checked the permission (person_create, the roster import, the demo)."""
    if party_status not in PartyStatus.values:
        raise ValidationError({"party_status": _("未知的政治面貌")})
    if status_since and status_since > timezone.localdate():
        raise ValidationError({"status_since": _("起始日期不能晚于今天")})
    person = Person(organisation=organisation, **_clean_identity(data))
    person.party_status = party_status
    # organisation is an instance the caller already holds, and ID-number uniqueness was checked by
    # _clean_identity with its own message (the DB constraint still guards races): re-checking both
    # here costs three queries per person, more than half of a 1,000-row roster import.
    person.full_clean(exclude=["organisation", "id_number_digest"])
    person.save()
    if party_status != PartyStatus.NONE or status_since:
        PartyStatusChange.objects.create(
            person=person,
            organisation=organisation,
            status=party_status,
            since=status_since or timezone.localdate(),
        )
    audit.record(actor, PeopleAction.PERSON_CREATED, person, after=audit.snapshot(person))
    return person


@writes.service
def person_create(
    *,
    actor,
    organisation: Organisation,
    data: dict[str, Any],
    party_status: str = PartyStatus.NONE,
    status_since: date | None = None,
) -> Person:
    policy.require(actor, "people.edit", organisation)
    return person_add(
        actor=actor,
        organisation=organisation,
        data=data,
        party_status=party_status,
        status_since=status_since,
    )


@writes.service
def person_update(*, actor, person: Person, version: int | None, data: dict[str, Any]) -> Person:
    policy.require(actor, "people.edit", person)
    allowed = (*PERSON_FIELDS, "id_number_digest", "name_pinyin", "name_strokes")
    fields = {k: v for k, v in _clean_identity(data, exclude_pk=person.pk).items() if k in allowed}
    return writes.model_update(
        person, actor=actor, action=PeopleAction.PERSON_UPDATED, version=version, fields=fields
    )


# The path a person walks, in order: a change of an existing person's status that jumps more than
# one stage up (群众 straight to 正式党员) is not a step of the 发展党员 procedure and is refused unless
# recorded as what it is — a member transferred in, or a record of history — with its reason.
STATUS_RANK = {
    PartyStatus.NONE: 0,
    PartyStatus.APPLICANT: 1,
    PartyStatus.ACTIVIST: 2,
    PartyStatus.CANDIDATE: 3,
    PartyStatus.PROBATIONARY: 4,
    PartyStatus.FULL: 5,
}


class StatusBasis(models.TextChoices):
    STEP = "", _l("按发展程序逐级变动")
    TRANSFER_IN = "transfer_in", _l("组织关系转入")
    HISTORY = "history", _l("补录历史记录")


def status_change_add(
    *,
    actor,
    person: Person,
    status: str,
    since: date,
    note: str = "",
    basis: str = "",
    reason: str = "",
    version: int | None = None,
) -> PartyStatusChange:
    """Internal: add one dated step to the party status history and keep the cached status on the
    row. The caller has checked the permission (person_set_status: people.edit; a 发展党员 step:
    development.edit). Skipping stages needs a basis and its reason, written into the note."""
    if status not in PartyStatus.values:
        raise ValidationError({"status": _("未知的政治面貌")})
    if since is None:
        raise ValidationError({"since": _("请填写起始日期")})
    if since > timezone.localdate():
        raise ValidationError({"since": _("起始日期不能晚于今天")})
    if basis not in StatusBasis.values:
        raise ValidationError({"basis": _("未知的变动类型")})
    last = person.status_changes.order_by("-since", "-pk").first()
    if last and since < last.since:
        raise ValidationError({"since": _("起始日期不能早于上一次变动（%(day)s）") % {"day": last.since}})
    current = last.status if last else person.party_status
    skipped = STATUS_RANK[status] > STATUS_RANK[current] + 1
    reason = (reason or "").strip()
    if skipped and not basis:
        raise ValidationError(
            {
                "basis": _(
                    "从“%(old)s”直接变为“%(new)s”跳过了发展党员的程序。如是组织关系转入或补录历史记录，"
                    "请选择变动类型并填写原因；否则请在发展党员中逐项登记。"
                )
                % {"old": PartyStatus(current).label, "new": PartyStatus(status).label}
            }
        )
    if basis:
        if not reason:
            raise ValidationError({"reason": _("%(basis)s须填写原因") % {"basis": StatusBasis(basis).label}})
        note = f"{StatusBasis(basis).label}：{reason}" + (f"；{note.strip()}" if note.strip() else "")
    if len(note) > 200:
        raise ValidationError({"reason": _("原因和备注合计不能超过200个字")})
    before = audit.snapshot(person)
    change = PartyStatusChange.objects.create(
        person=person, organisation=person.organisation, status=status, since=since, note=note
    )
    if version is not None:
        update_versioned(person, version, party_status=status)
    else:
        Person.objects.filter(pk=person.pk).update(party_status=status)
        person.refresh_from_db()
    audit.record(actor, PeopleAction.STATUS_CHANGED, person, before=before, after=audit.snapshot(person))
    return change


@writes.service
def person_set_status(*, actor, person: Person, **change: Any) -> PartyStatusChange:
    """Record a step in the party status history (e.g. 积极分子 → 发展对象 → 预备党员 → 正式党员):
    `status`, `since`, and optionally `note`, `basis` and `reason` (a change that skips stages) and
    `version` — status_change_add's.

    With `version` (the form's), a change recorded by someone else since the form was opened is a
    conflict rather than a second, duplicate step."""
    policy.require(actor, "people.edit", person)
    return status_change_add(actor=actor, person=person, **change)
