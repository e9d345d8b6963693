"""Reads for organisations and the audit trail, and the one way every app opens a row by its id:
in the user's scope or a 404, then the permission or a 403. Every view query starts from the
user's scope."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Prefetch, Q, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404

from . import policy
from .models import AuditEntry, Organisation, Person, RoleGrant, User
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


# --- accounts and organisations (the pages that manage them) --------------------------------------
ACCOUNTS_MANAGE = "core.accounts.manage"
ORGANISATIONS_MANAGE = "core.organisations.manage"


def people_with_accounts(org: Organisation, text: str = "") -> QuerySet[Person]:
    """The people of org's subtree with their login (or none), for the accounts page. Core reads the
    roster itself here: it cannot import the people app, and it owns the login beside each person."""
    qs = Person.objects.filter(organisation__in=org.subtree()).select_related("organisation", "user")
    text = text.strip()
    if text:
        qs = qs.filter(
            Q(name__icontains=text)
            | Q(name_pinyin__icontains=text.lower().replace(" ", ""))
            | Q(user__username__icontains=text)
        )
    return qs.order_by("organisation__path", "name_pinyin", "pk")


def with_grants(people) -> None:
    """Load every login's grants (with their organisations) for a page of people in one query."""
    prefetch_related_objects(
        [p for p in people if login_of(p) is not None],
        Prefetch("user__grants", queryset=RoleGrant.objects.select_related("organisation").order_by("pk")),
    )


def login_of(person: Person) -> User | None:
    """The person's login, or None (the reverse one-to-one raises when there is none)."""
    try:
        return person.user
    except User.DoesNotExist:
        return None


def person_for_account(user, pk: int) -> Person:
    """A person of the user's scope (404 otherwise); the service asks the permission."""
    qs = Person.objects.filter(organisation__in=policy.orgs_in_scope(user)).select_related("organisation")
    return get_object_or_404(qs, pk=pk)


def account_get(user, pk: int) -> User:
    """A login whose person is in the user's scope (404 otherwise, and for logins without a person)."""
    qs = User.objects.filter(person__organisation__in=policy.orgs_in_scope(user))
    return get_object_or_404(qs.select_related("person__organisation"), pk=pk)


def grant_get(user, pk: int) -> RoleGrant:
    qs = RoleGrant.objects.filter(organisation__in=policy.orgs_in_scope(user))
    return get_object_or_404(qs.select_related("organisation", "user__person"), pk=pk)


def organisation_in_scope(user, code: str) -> Organisation:
    return get_object_or_404(policy.orgs_in_scope(user), code=code)


def organisations_under(org: Organisation) -> QuerySet[Organisation]:
    """Every organisation below `org` (closed ones too, marked by the page), in tree order."""
    return org.subtree().exclude(pk=org.pk).select_related("parent").order_by("path")


def parents_for(user, org: Organisation | None = None) -> QuerySet[Organisation]:
    """Where the user may put an organisation: open, not a 党小组, managed by her, and (for a move)
    outside `org`'s own subtree."""
    qs = policy.orgs_readable(user, ORGANISATIONS_MANAGE).filter(closed_on__isnull=True)
    qs = qs.exclude(kind=Organisation.Kind.GROUP)
    if org is not None:
        qs = qs.exclude(path__startswith=org.path)
    return qs.order_by("path")


def grant_organisations(user) -> QuerySet[Organisation]:
    """Open organisations on which the user manages accounts and grants."""
    return policy.orgs_readable(user, ACCOUNTS_MANAGE).filter(closed_on__isnull=True).order_by("path")


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


def root_organisations() -> list[Organisation]:
    """The top organisations of the installation (a backup is of all of them, core/backups.py)."""
    return list(Organisation.objects.filter(parent__isnull=True).order_by("path"))
