"""Honours (荣誉): record one, correct it. The certificate (a scan or PDF) is judged by its bytes
before anything is stored."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person

from ..audit_actions import HonoursAction
from ..models import Honour, HonourKind, Level, Recipient, attachment_name_for
from .common import choice, not_future, optional_text, person_in, required_text, stored_attachment


def _fields(
    org: Organisation,
    *,
    title: str,
    kind: str,
    level: str,
    issuer: str,
    awarded_on: date | None,
    occasion: str,
    recipient: str,
    person: Person | None,
    note: str,
) -> dict:
    recipient = choice(recipient, Recipient, "recipient", _("获奖对象"))
    if recipient == Recipient.PERSON:
        if person is None:
            raise ValidationError({"person": _("个人荣誉请选择获奖人")})
        person_in(org, person, "person")
    elif person is not None:
        raise ValidationError({"person": _("%(who)s的荣誉不填获奖人") % {"who": Recipient(recipient).label}})
    return {
        "title": required_text(title, "title", _("荣誉名称"), 100),
        "kind": choice(kind, HonourKind, "kind", _("荣誉类别")),
        "level": choice(level, Level, "level", _("级别")),
        "issuer": required_text(issuer, "issuer", _("颁发单位"), 100),
        "awarded_on": not_future(awarded_on, "awarded_on", _("获得日期")),
        "occasion": optional_text(occasion, "occasion", _("评比或检查名称"), 100),
        "recipient": recipient,
        "person": person,
        "note": (note or "").strip(),
    }


def _attach(fields: dict, org: Organisation, attachment: UploadedFile | None) -> dict:
    if attachment:
        name, content_type, original = stored_attachment(attachment, org, attachment_name_for)
        fields.update(attachment=name, attachment_type=content_type, attachment_name=original)
    return fields


@writes.service
def honour_create(*, actor, organisation: Organisation, **fields) -> Honour:
    """Record an honour; `fields` are honour_add's (title, kind, level, issuer, awarded_on,
    recipient, person, occasion, note, attachment)."""
    policy.require(actor, "honours.edit", organisation)
    return honour_add(actor=actor, organisation=organisation, **fields)


def honour_add(
    *,
    actor,
    organisation: Organisation,
    title: str,
    kind: str,
    level: str,
    issuer: str,
    awarded_on: date | None,
    recipient: str,
    person: Person | None = None,
    occasion: str = "",
    note: str = "",
    attachment: UploadedFile | None = None,
) -> Honour:
    """The shared step without the permission check, for callers that vouch for themselves: a
    published 评先评优 result makes its winners' honours (the awards app asked awards.manage)."""
    fields = _fields(
        organisation,
        title=title,
        kind=kind,
        level=level,
        issuer=issuer,
        awarded_on=awarded_on,
        occasion=occasion,
        recipient=recipient,
        person=person,
        note=note,
    )
    honour = Honour(organisation=organisation, **_attach(fields, organisation, attachment))
    return writes.model_create(honour, actor=actor, action=HonoursAction.HONOUR_CREATED)


@writes.service
def honour_update(
    *,
    actor,
    honour: Honour,
    version: int | None,
    title: str,
    kind: str,
    level: str,
    issuer: str,
    awarded_on: date | None,
    recipient: str,
    person: Person | None = None,
    occasion: str = "",
    note: str = "",
    attachment: UploadedFile | None = None,
) -> Honour:
    """A new attachment replaces the old one; without one the old one stays (the old file stays on
    disk: an earlier revision's audit entry names it)."""
    policy.require(actor, "honours.edit", honour)
    fields = _fields(
        honour.organisation,
        title=title,
        kind=kind,
        level=level,
        issuer=issuer,
        awarded_on=awarded_on,
        occasion=occasion,
        recipient=recipient,
        person=person,
        note=note,
    )
    return writes.model_update(
        honour,
        actor=actor,
        action=HonoursAction.HONOUR_UPDATED,
        version=version,
        fields=_attach(fields, honour.organisation, attachment),
    )
