"""回收站: removing a record with a reason, putting it back, and purging what has stayed long enough.

A removal serializes the record and every row that goes with it (Django's own cascade, collected the
way the admin's delete page collects it), keeps them encrypted in a RemovedRecord, deletes them, and
audits the removal with the full snapshot. A restore writes the same rows back with the same keys,
so figures, documents' rechecks and links see the record again as it was. Rows that something else
still needs (a person with attendance on record) are not removed: the message names what holds
them. Files of removed rows stay on disk until the purge, so a restore brings them back too.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, policy, search_index, writes
from .audit_actions import CoreAction
from .models import RemovedRecord
from .registries import removals

RESTORE = "core.recycle"


def days() -> int:
    return settings.ZHIBU_RECYCLE_DAYS


def _rows_removed_with(obj: models.Model) -> list[models.Model]:
    collector = NestedObjects(using=obj._state.db or "default")
    collector.collect([obj])
    if collector.protected:
        held = {}
        for row in collector.protected:
            held[row._meta.verbose_name] = held.get(row._meta.verbose_name, 0) + 1
        what = "、".join(f"{name}{n}条" for name, n in held.items())
        raise ValidationError(_("“%(obj)s”还有%(what)s引用它，不能删除。") % {"obj": obj, "what": what})
    rows = [obj]
    for model, instances in collector.data.items():
        if model._meta.auto_created:  # many-to-many rows: the serialized record carries them
            continue
        rows.extend(i for i in instances if not (type(i) is type(obj) and i.pk == obj.pk))
    return rows


@writes.service
def record_remove(*, actor, model: str, obj: models.Model, reason: str) -> RemovedRecord:
    """Remove a registered kind of record, with a reason, into the recycle bin."""
    spec = removals.get(model)
    policy.require(actor, spec.perm, obj)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写删除原因。")})
    rows = _rows_removed_with(obj)
    removed = RemovedRecord(
        organisation=obj.organisation,
        model=model,
        object_id=str(obj.pk),
        label=spec.label(obj)[:200],
        reason=reason[:200],
        payload=serializers.serialize("json", rows),
        rows=len(rows),
        removed_by=actor,
    )
    removed.save()
    audit.record(
        actor, CoreAction.RECORD_REMOVED, obj, before=audit.snapshot(obj), after={"reason": removed.reason}
    )
    search_index.forget(rows)  # before the delete, which clears the rows' keys; one transaction
    obj.delete()
    return removed


@writes.service
def record_restore(*, actor, removed: RemovedRecord) -> RemovedRecord:
    """Put a removed record (and the rows removed with it) back, within the keeping period."""
    policy.require(actor, RESTORE, removed)
    if removed.restored_at:
        raise ValidationError(_("该记录已经恢复过了。"))
    if removed.removed_at < timezone.now() - timedelta(days=days()):
        raise ValidationError(_("该记录删除已超过%(n)d天，无法恢复。") % {"n": days()})
    items = list(serializers.deserialize("json", removed.payload))
    _require_parents(removed, [item.object for item in items])
    try:
        with transaction.atomic():
            for item in items:
                item.save()
    except IntegrityError:
        raise ValidationError(_conflict_message(removed, [item.object for item in items])) from None
    search_index.refresh_many(item.object for item in items)
    removed.restored_at, removed.restored_by = timezone.now(), actor
    removed.save(update_fields=["restored_at", "restored_by"])
    audit.record(
        actor, CoreAction.RECORD_RESTORED, removed, after={"model": removed.model, "id": removed.object_id}
    )
    return removed


def _require_parents(removed: RemovedRecord, rows: list[models.Model]) -> None:
    """Refuse, naming it, when a row points at one that is gone — an attendance row removed on its
    own whose meeting was removed afterwards. The database would only say so at COMMIT (foreign keys
    are deferred), too late for a message; one query per kind of parent, not per row."""
    restored = {(type(row), row.pk) for row in rows}
    wanted: dict[tuple[type[models.Model], str], set] = {}
    for row in rows:
        for field in row._meta.concrete_fields:
            if not field.many_to_one and not field.one_to_one:
                continue
            value = getattr(row, field.attname)
            target = field.related_model
            if value is None or (target, value) in restored:
                continue
            wanted.setdefault((target, field.target_field.attname), set()).add(value)
    for (target, key), values in wanted.items():
        found = set(target._base_manager.filter(**{f"{key}__in": values}).values_list(key, flat=True))
        missing = values - found
        if not missing:
            continue
        held = RemovedRecord.objects.filter(
            model=target._meta.label_lower,
            object_id__in=[str(v) for v in missing],
            restored_at__isnull=True,
        ).first()
        what = target._meta.verbose_name
        if held is not None:
            raise ValidationError(
                _(
                    "无法恢复“%(label)s”：它所属的%(what)s已被删除。请先在回收站中恢复“%(parent)s”，再恢复本条。"
                )
                % {"label": removed.label, "what": what, "parent": held.label}
            )
        raise ValidationError(
            _("无法恢复“%(label)s”：它所属的%(what)s已不存在。") % {"label": removed.label, "what": what}
        )


def _conflict_message(removed: RemovedRecord, rows: list[models.Model]) -> str:
    """Which restored row clashes with one entered since (the same person's attendance at the same
    meeting registered again): asked of the rows only once the database has refused."""
    for row in rows:
        try:
            row.validate_unique()
            row.validate_constraints()
        except ValidationError:
            return _(
                "无法恢复“%(label)s”：删除后又重新登记了同一%(what)s，两条不能同时存在。"
                "如需恢复，请先删除现有的那一条。本次未恢复任何内容。"
            ) % {"label": removed.label, "what": row._meta.verbose_name}
    return _("无法恢复“%(label)s”：系统中已有与它冲突的记录（例如同一人、同一期间的同类记录）。") % {
        "label": removed.label
    }


def _files_of(removed: RemovedRecord) -> list[tuple[models.FileField, str]]:
    files = []
    for item in serializers.deserialize("json", removed.payload, ignorenonexistent=True):
        for field in item.object._meta.concrete_fields:
            if isinstance(field, models.FileField):
                name = getattr(item.object, field.attname)
                if name:
                    files.append((field, str(name)))
    return files


def recycle_purge(*, now=None) -> int:
    """Delete what was removed more than the keeping period ago, with its files (cron, daily)."""
    cutoff = (now or timezone.now()) - timedelta(days=days())
    purged = 0
    for removed in RemovedRecord.objects.filter(removed_at__lt=cutoff, restored_at__isnull=True).iterator():
        with transaction.atomic(durable=True):
            for field, name in _files_of(removed):
                field.storage.delete(name)
            audit.record(
                None,
                CoreAction.RECORD_PURGED,
                removed,
                after={"model": removed.model, "id": removed.object_id, "label": removed.label},
            )
            removed.delete()
        purged += 1
    return purged


def removals_visible(user) -> QuerySet[RemovedRecord]:
    return RemovedRecord.objects.filter(organisation__in=policy.orgs_readable(user, RESTORE)).select_related(
        "removed_by", "restored_by", "organisation"
    )
