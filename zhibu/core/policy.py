"""The one place that answers "may this user do this to this object".

Permissions are named ("meetings.edit"); roles are granted per organisation (core.RoleGrant);
each app registers which roles carry which of its permissions (core/roles.py shows the shape),
and may add an object rule for permissions that depend on the row itself (a mentoring case
is readable by its mentor, not by every member). Views, templates and exports all ask here.

Scope first: an object outside every organisation the user holds a role on is a 404, so a
URL never confirms that another branch's record exists. Inside scope, a missing permission
is a 403.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Organisation, RoleGrant

_ROLE_PERMS: dict[str, set[str]] = defaultdict(set)
_KNOWN_PERMS: set[str] = set()
ObjectRule = Callable[[Any, Any], bool]
_OBJECT_RULES: dict[str, ObjectRule] = {}


def register_permissions(mapping: dict[str, Iterable[str]]) -> None:
    """{"meetings.edit": ["secretary", "committee"], ...}: which roles carry each permission."""
    for perm, roles in mapping.items():
        _KNOWN_PERMS.add(perm)
        for role in roles:
            _ROLE_PERMS[role].add(perm)


def register_object_rule(perm: str, rule: ObjectRule) -> None:
    """An extra check `rule(user, obj) -> bool` applied after the role check for `perm`."""
    _OBJECT_RULES[perm] = rule


def known_permissions() -> set[str]:
    return set(_KNOWN_PERMS)


def roles_with(perm: str) -> set[str]:
    return {role for role, perms in _ROLE_PERMS.items() if perm in perms}


def _grants(user) -> list[RoleGrant]:
    # Cached on the user object: one query per request however many checks a page makes.
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_zhibu_grants", None)
    if cached is None:
        cached = list(RoleGrant.objects.filter(user=user).select_related("organisation"))
        user._zhibu_grants = cached
    return cached


def forget(user) -> None:
    """Drop the per-request grant cache (after a grant changes)."""
    if hasattr(user, "_zhibu_grants"):
        del user._zhibu_grants


def _orgs_q(grants: Iterable[RoleGrant]) -> Q:
    q = Q(pk__in=[])
    for grant in grants:
        q |= (
            Q(path__startswith=grant.organisation.path)
            if grant.include_subtree
            else Q(pk=grant.organisation_id)
        )
    return q


def orgs_readable(user, perm: str) -> QuerySet[Organisation]:
    """Organisations on which the user holds a role carrying `perm`."""
    grants = [g for g in _grants(user) if perm in _ROLE_PERMS[g.role]]
    return Organisation.objects.filter(_orgs_q(grants))


def orgs_in_scope(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(_orgs_q(_grants(user)))


def _covers(grant: RoleGrant, org: Organisation) -> bool:
    if grant.organisation_id == org.pk:
        return True
    return grant.include_subtree and org.path.startswith(grant.organisation.path)


def organisation_of(obj: Any) -> Organisation:
    if isinstance(obj, Organisation):
        return obj
    org = getattr(obj, "organisation", None)
    if org is None:
        raise TypeError(f"{type(obj).__name__} has no organisation")
    return org


def roles_on(user, org: Organisation) -> set[str]:
    return {g.role for g in _grants(user) if _covers(g, org)}


def in_scope(user, obj: Any) -> bool:
    return bool(roles_on(user, organisation_of(obj)))


def has_perm(user, perm: str, obj: Any = None) -> bool:
    """With obj: the role on obj's organisation carries perm and any object rule agrees.
    Without obj: the user holds perm somewhere (used for navigation)."""
    if obj is None:
        return any(perm in _ROLE_PERMS[g.role] for g in _grants(user))
    roles = roles_on(user, organisation_of(obj))
    if not any(perm in _ROLE_PERMS[role] for role in roles):
        return False
    rule = _OBJECT_RULES.get(perm)
    return rule(user, obj) if rule and not isinstance(obj, Organisation) else True


def require(user, perm: str, obj: Any) -> None:
    """Raise 404 when obj is outside the user's scope, 403 when inside but not allowed."""
    if not in_scope(user, obj):
        raise Http404
    if not has_perm(user, perm, obj):
        raise PermissionDenied(perm)  # the 403 page says who holds it


def who_may(user, perm: str) -> tuple[list[str], str]:
    """For a refusal: the roles that carry `perm`, and whom this user should ask. A secretary is
    never told to ask the secretary: what she lacks is the superior's (上级党委)."""
    from .models.accounts import Role

    roles = sorted(roles_with(perm))
    labels = [str(Role(role).label) for role in roles if role in Role.values]
    holds = {g.role for g in _grants(user)}
    branch_roles = {"secretary", "committee", "member", "checker"}
    # A right no branch role carries is the superior's to give; with no right named, the user's
    # own place decides.
    if "secretary" in holds or (roles and not (set(roles) & branch_roles)):
        return labels, "上级党委"
    return labels, "支部书记"


def person_of(user):
    return getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
