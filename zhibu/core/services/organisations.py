"""Organisations. A superior creates organisations under it (`organisation_create`, which asks
policy); `organisation_add` is the internal step shared with bootstrapping — the demo, the
admin's first committee — where no acting user can hold a role yet.

Renaming, moving and closing an organisation are its superior's: the holder of
`core.organisations.manage` on its parent. A closed (撤销) organisation keeps every row: its
people, records and the figures of the periods it existed in; it takes no new sub-organisation,
account or role.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BigIntegerField, Case, F, Max, Value, When
from django.db.models.functions import Concat, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import audit, policy, writes
from ..audit_actions import CoreAction
from ..models import Organisation
from ..versioning import StaleEdit

MANAGE = "core.organisations.manage"
PATH_MAX = Organisation._meta.get_field("path").max_length


def organisation_add(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: Organisation | None = None,
    unit_name: str = "",
    short_name: str = "",
) -> Organisation:
    """Internal: the path is fixed here from the immutable code."""
    if parent is not None and parent.kind == Organisation.Kind.GROUP:
        raise ValidationError({"parent": _("党小组下不能再设组织")})
    if parent is not None and parent.is_closed:
        raise ValidationError({"parent": _("上级组织已撤销，不能再设下级组织。")})
    path = f"{parent.path if parent else '/'}{code}/"
    org = Organisation(
        code=code, name=name, kind=kind, parent=parent, path=path, unit_name=unit_name, short_name=short_name
    )
    return writes.model_create(org, actor=actor, action=CoreAction.ORGANISATION_CREATED)


@writes.service
def organisation_create(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: Organisation,
    unit_name: str = "",
    short_name: str = "",
) -> Organisation:
    """A new organisation under `parent`, by a user who manages the parent's organisations."""
    policy.require(actor, MANAGE, parent)
    return organisation_add(
        actor=actor,
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        unit_name=unit_name,
        short_name=short_name,
    )


def check_superior(actor, org: Organisation) -> None:
    """404 when `org` is outside the actor's scope, 403 unless she manages the organisations of its
    parent: an organisation is renamed, moved and closed from above, never by itself."""
    policy.require(actor, MANAGE, org)
    if org.parent is None or not policy.has_perm(actor, MANAGE, org.parent):
        raise PermissionDenied


def _names(name: str, short_name: str) -> tuple[str, str]:
    name, short_name = (name or "").strip(), (short_name or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("请填写名称。")
    elif len(name) > 100:
        errors["name"] = _("名称不能超过100个字。")
    if len(short_name) > 40:
        errors["short_name"] = _("简称不能超过40个字。")
    if errors:
        raise ValidationError(errors)
    return name, short_name


@writes.service
def organisation_rename(
    *, actor, org: Organisation, name: str, short_name: str = "", version: int | None
) -> Organisation:
    """更名: a new name (and short name) at the version the user saw; the audit keeps the old one."""
    check_superior(actor, org)
    name, short_name = _names(name, short_name)
    twin = Organisation.objects.filter(parent_id=org.parent_id, name=name, closed_on__isnull=True)
    if twin.exclude(pk=org.pk).exists():
        raise ValidationError({"name": _("上级组织下已有名为“%(name)s”的组织。") % {"name": name}})
    return writes.model_update(
        org,
        actor=actor,
        action=CoreAction.ORGANISATION_RENAMED,
        version=version,
        fields={"name": name, "short_name": short_name},
    )


@writes.service
def organisation_move(
    *, actor, org: Organisation, new_parent: Organisation, version: int | None = None
) -> Organisation:
    """调整隶属关系: put `org` and its whole subtree under `new_parent`. The materialised paths of
    the subtree are rewritten in one UPDATE (new prefix + the rest of each path), which also sets
    the parent and bumps every row's version (an open form on a moved row is stale). `version` is
    the one the user saw, by default the loaded row's."""
    check_superior(actor, org)
    policy.require(actor, MANAGE, new_parent)
    current = Organisation.objects.select_for_update().get(pk=org.pk)
    if current.version != (org.version if version is None else version):
        raise StaleEdit(_("该记录已被他人修改，请刷新后再试。您的修改未保存。"))
    old_path = current.path
    if org.is_closed:
        raise ValidationError(_("已撤销的组织不能调整隶属关系。"))
    if new_parent.path.startswith(old_path):
        raise ValidationError({"parent": _("不能把组织移到它自己或它的下级组织之下。")})
    if new_parent.pk == current.parent_id:
        raise ValidationError({"parent": _("新的上级组织与原上级组织相同。")})
    if new_parent.kind == Organisation.Kind.GROUP:
        raise ValidationError({"parent": _("党小组下不能再设组织")})
    if new_parent.is_closed:
        raise ValidationError({"parent": _("上级组织已撤销，不能再设下级组织。")})
    new_path = f"{new_parent.path}{current.code}/"
    subtree = Organisation.objects.filter(path__startswith=old_path)
    longest = subtree.aggregate(longest=Max(Length("path")))["longest"] or 0
    if longest - len(old_path) + len(new_path) > PATH_MAX:
        raise ValidationError({"parent": _("层级太深，不能移到该组织之下。")})

    before = audit.snapshot(current)
    moved = subtree.update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        parent=Case(
            When(pk=current.pk, then=Value(new_parent.pk)),
            default=F("parent"),
            output_field=BigIntegerField(),
        ),
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    org.refresh_from_db()
    audit.record(
        actor,
        CoreAction.ORGANISATION_MOVED,
        org,
        before=before,
        after={**audit.snapshot(org), "subtree_rows": moved},
    )
    policy.forget(actor)
    return org


@writes.service
def organisation_close(
    *, actor, org: Organisation, closed_on: date | None, version: int | None = None
) -> Organisation:
    """撤销: mark the organisation closed on `closed_on`. Nothing is deleted; its past stays in every
    figure and document of the periods it existed in."""
    check_superior(actor, org)
    if org.is_closed:
        raise ValidationError(
            {"closed_on": _("该组织已于%(day)s撤销。") % {"day": org.closed_on.isoformat()}}
        )
    if closed_on is None:
        raise ValidationError({"closed_on": _("请填写撤销日期。")})
    if closed_on > timezone.localdate():
        raise ValidationError({"closed_on": _("撤销日期不能晚于今天。")})
    open_children = list(org.children.filter(closed_on__isnull=True).values_list("name", flat=True)[:5])
    if open_children:
        raise ValidationError(
            _("请先撤销或调整其下级组织：%(names)s。") % {"names": "、".join(open_children)}
        )
    return writes.model_update(
        org,
        actor=actor,
        action=CoreAction.ORGANISATION_CLOSED,
        version=org.version if version is None else version,
        fields={"closed_on": closed_on},
    )


@writes.service
def organisation_history_set(*, actor, org: Organisation, day: date | None) -> Organisation:
    """The day the branch started keeping its ledgers here: records dated before it are history
    entered on purpose, never counted as 补录. Its secretary sets it once; changing it afterwards
    is the superior's (it decides which records count as entered late)."""
    if not _is_superior(actor, org):
        policy.require(actor, "core.settings", org)
    if org.history_before is not None and not _is_superior(actor, org):
        raise ValidationError(
            {
                "day": _("历史记录截止日期已设为%(day)s，如需更改请联系上级党委。")
                % {"day": org.history_before.isoformat()}
            }
        )
    if day is None:
        raise ValidationError({"day": _("请填写开始使用本系统的日期。")})
    if day > timezone.localdate():
        raise ValidationError({"day": _("历史记录截止日期不能晚于今天。")})
    return writes.model_update(
        org, actor=actor, action=CoreAction.HISTORY_SET, version=org.version, fields={"history_before": day}
    )


def _is_superior(actor, org: Organisation) -> bool:
    return org.parent is not None and policy.has_perm(actor, MANAGE, org.parent)
