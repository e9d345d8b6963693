"""Organisations. A superior creates organisations under it (`organisation_create`, which asks
policy); `organisation_add` is the internal step shared with bootstrapping — the demo, the
admin's first committee — where no acting user can hold a role yet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .. import policy, writes
from ..audit_actions import CoreAction
from ..models import Organisation

MANAGE = "core.organisations.manage"


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
        raise ValidationError(_("党小组下不能再设组织"))
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
