"""Reads for organisations and the audit trail, and the one way every app opens a row by its id:
in the user's scope or a 404, then the permission or a 403. Every view query starts from the
user's scope."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

from . import policy
from .models import AuditEntry, Organisation
from .registries import audit_actions

M = TypeVar("M", bound=Model)


def get_in_scope(user, qs: QuerySet[M], pk: int) -> M:
    """Row `pk` of `qs` when its organisation is in the user's scope, else a 404: another branch's
    row is never confirmed to exist."""
    return get_object_or_404(qs.filter(organisation__in=policy.orgs_in_scope(user)), pk=pk)


def get_permitted(user, qs: QuerySet[M], pk: int, perm: str) -> M:
    """`get_in_scope`, then `perm` on the row (a 403 inside the scope without it)."""
    obj = get_in_scope(user, qs, pk)
    policy.require(user, perm, obj)
    return obj


def organisations_visible(user, perm: str = "core.dashboard") -> QuerySet[Organisation]:
    return policy.orgs_readable(user, perm)


def organisation_get(user, code: str, perm: str = "core.dashboard") -> Organisation:
    return get_object_or_404(organisations_visible(user, perm), code=code)


def has_children(org: Organisation) -> bool:
    """A committee (its lists span several branches), not a branch."""
    return org.children.exists()


def audit_visible(user) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(organisation__in=policy.orgs_readable(user, "audit.view"))
    for prefix, perm in audit_actions.sensitive_prefixes().items():
        qs = qs.filter(~Q(action__startswith=prefix) | Q(organisation__in=policy.orgs_readable(user, perm)))
    return qs


def home_organisation(user) -> Organisation | None:
    """The organisation a user's pages open on: the first one they hold a role on."""
    return policy.orgs_readable(user, "core.dashboard").order_by("path").first()


def audit_list(user, action: str = "") -> QuerySet[AuditEntry]:
    """The audit page's rows: what the user may see, optionally the actions starting with `action`."""
    qs = audit_visible(user).select_related("organisation")
    return qs.filter(action__startswith=action) if action else qs


def figure_records(records):
    """The records behind a figure in a stable order for paging (figures may leave them unordered)."""
    if hasattr(records, "ordered") and not records.ordered:
        return records.order_by("pk")
    return records
