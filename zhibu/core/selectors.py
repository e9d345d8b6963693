"""Reads for organisations and the audit trail. Every view query starts from the user's scope."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from . import policy
from .models import AuditEntry, Organisation
from .registries import audit_actions


def organisations_visible(user, perm: str = "core.dashboard") -> QuerySet[Organisation]:
    return policy.orgs_readable(user, perm)


def organisation_get(user, code: str, perm: str = "core.dashboard") -> Organisation:
    return get_object_or_404(organisations_visible(user, perm), code=code)


def audit_visible(user) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.filter(organisation__in=policy.orgs_readable(user, "audit.view"))
    for prefix, perm in audit_actions.sensitive_prefixes().items():
        qs = qs.filter(~Q(action__startswith=prefix) | Q(organisation__in=policy.orgs_readable(user, perm)))
    return qs
