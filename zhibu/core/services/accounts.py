from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from .. import audit, policy
from ..models import Organisation, Person, RoleGrant, User


@transaction.atomic
def user_create(*, actor, username: str, password: str, person: Person | None = None, **extra) -> User:
    user = User(username=username, person=person, **extra)
    validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.full_clean()
    user.save()
    audit.record(
        actor,
        "core.user.created",
        user,
        after=audit.snapshot(user, exclude=("password",)),
        organisation=person.organisation if person else None,
    )
    return user


@transaction.atomic
def role_grant(
    *, actor, user: User, organisation: Organisation, role: str, include_subtree: bool = False
) -> RoleGrant:
    grant, _ = RoleGrant.objects.get_or_create(
        user=user,
        organisation=organisation,
        role=role,
        defaults={
            "include_subtree": include_subtree,
            "granted_by": actor if getattr(actor, "pk", None) else None,
        },
    )
    audit.record(actor, "core.role.granted", grant, after=audit.snapshot(grant), organisation=organisation)
    policy.forget(user)
    return grant


@transaction.atomic
def password_change(*, user: User, password: str) -> User:
    """Set a user's own new password and restart the password age clock, in one transaction with
    its audit entry (the password itself never goes into the trail)."""
    validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.must_change_password = False
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    audit.record(
        user,
        "core.user.password_changed",
        user,
        organisation=user.person.organisation if user.person_id else None,
    )
    return user
