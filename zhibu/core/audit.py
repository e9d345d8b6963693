"""The one way to write the audit trail. Call inside the service's transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile

from . import search_index, stamps
from .models import AuditEntry, Organisation
from .registries import audit_actions


def _jsonable(value: Any) -> Any:
    # A file field first, and by its stored name only: `.url`/`.size` of a FieldFile with no file
    # raise ValueError (hasattr() does not catch it), which turned a text-only note into a 500.
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: models.Model, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON-safe picture of a row's concrete fields. Encrypted fields, and those a model lists in
    AUDIT_REDACT (identifying details of minors), appear as "***": an audit entry is kept forever,
    so it must not keep personal data a retention purge removes from the row."""
    redacted = set(getattr(type(obj), "AUDIT_REDACT", ()))
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        if getattr(field, "redact_in_audit", False) or field.name in redacted:
            data[field.name] = "***" if getattr(obj, field.attname) else ""
            continue
        data[field.name] = _jsonable(getattr(obj, field.attname))
    return data


def organisation_of(obj: Any) -> Organisation | None:
    if isinstance(obj, Organisation):
        return obj
    org_id = getattr(obj, "organisation_id", None)
    return Organisation(pk=org_id) if org_id else None


def record(
    actor,
    action: str,
    obj: models.Model | None = None,
    *,
    before: dict | None = None,
    after: dict | None = None,
    success: bool = True,
    organisation: Organisation | None = None,
    object_repr: str | None = None,
) -> AuditEntry:
    audit_actions.require_declared(action)
    org = organisation or (organisation_of(obj) if obj is not None else None)
    user = actor if getattr(actor, "is_authenticated", False) else None
    if obj is not None and success:
        # Every write ends here (the write tail and the internal functions alike), so this one call
        # keeps the search index in step with the ledgers; other models cost a dictionary look-up.
        search_index.refresh(obj)
    entry = AuditEntry.objects.create(
        actor=user,
        actor_name=(user.display_name if user else "匿名"),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:200],
        organisation_id=org.pk if org else None,
        before=before,
        after=after,
        success=success,
    )
    if success and stamps.changes_data(action):
        touched = {org.pk if org else None}
        moved_from = (before or {}).get("organisation")
        if isinstance(moved_from, int):
            touched.add(moved_from)  # a record moved between organisations changed its old one too
        stamps.touch(touched, entry.pk)
    return entry
