from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import audit
from ..models import Organisation


@transaction.atomic
def organisation_create(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    parent: Organisation | None = None,
    unit_name: str = "",
    short_name: str = "",
) -> Organisation:
    """Organisations are created by the bureau or an administrator (the admin site and the demo);
    the path is fixed here from the immutable code."""
    if parent is not None and parent.kind == Organisation.Kind.GROUP:
        raise ValidationError(_("党小组下不能再设组织"))
    path = f"{parent.path if parent else '/'}{code}/"
    org = Organisation(
        code=code, name=name, kind=kind, parent=parent, path=path, unit_name=unit_name, short_name=short_name
    )
    org.full_clean()
    org.save()
    audit.record(actor, "core.organisation.created", org, after=audit.snapshot(org))
    return org
