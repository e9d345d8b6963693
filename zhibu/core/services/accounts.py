"""Accounts and role grants. The public services ask policy; `user_add` and `role_add` are the
internal steps they share with the demo loader and other bootstrapping code, which vouch for
themselves (there is no acting user before the first account exists)."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

from .. import audit, policy, writes
from ..audit_actions import CoreAction
from ..models import Organisation, Person, RoleGrant, User

MANAGE = "core.accounts.manage"


def user_add(*, actor, username: str, password: str, person: Person | None = None, **extra) -> User:
    """Internal: create a login (the caller checked who may)."""
    user = User(username=username, person=person, **extra)
    validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.full_clean()
    user.save()
    audit.record(
        actor,
        CoreAction.USER_CREATED,
        user,
        after=audit.snapshot(user, exclude=("password",)),
        organisation=person.organisation if person else None,
    )
    return user


def role_add(
    *, actor, user: User, organisation: Organisation, role: str, include_subtree: bool = False
) -> RoleGrant:
    """Internal: grant a role (the caller checked who may)."""
    grant, _ = RoleGrant.objects.get_or_create(
        user=user,
        organisation=organisation,
        role=role,
        defaults={
            "include_subtree": include_subtree,
            "granted_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    audit.record(
        actor, CoreAction.ROLE_GRANTED, grant, after=audit.snapshot(grant), organisation=organisation
    )
    policy.forget(user)
    return grant


@writes.service
def user_create(
    *, actor, organisation: Organisation, username: str, password: str, person: Person | None = None, **extra
) -> User:
    """A login for someone of `organisation`, by an officer who manages its accounts."""
    policy.require(actor, MANAGE, organisation)
    return user_add(actor=actor, username=username, password=password, person=person, **extra)


@writes.service
def role_grant(
    *, actor, user: User, organisation: Organisation, role: str, include_subtree: bool = False
) -> RoleGrant:
    policy.require(actor, MANAGE, organisation)
    return role_add(
        actor=actor, user=user, organisation=organisation, role=role, include_subtree=include_subtree
    )


@writes.service
def password_change(*, user: User, password: str) -> User:
    """Set a user's own new password and restart the password age clock, in one transaction with
    its audit entry (the password itself never goes into the trail). The user acts on herself."""
    validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.must_change_password = False
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    audit.record(
        user,
        CoreAction.PASSWORD_CHANGED,
        user,
        organisation=user.person.organisation if user.person_id else None,
    )
    return user
