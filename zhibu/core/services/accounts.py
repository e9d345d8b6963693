"""Accounts and role grants. The public services ask policy; `user_add` and `role_add` are the
internal steps they share with the demo loader and other bootstrapping code, which vouch for
themselves (there is no acting user before the first account exists).

Who may do what (`may_grant` is the one rule, the pages ask it to offer only what is allowed):

- A branch's officer who holds `core.accounts.manage` there (its secretary) may grant on her branch
  the roles whose permissions she holds herself and which do not manage accounts: 支委, 党员,
  校办检查员. Never 书记 or 局党委, never a grant over the whole subtree.
- The superior (who holds `core.organisations.manage` on the organisation's parent: the bureau)
  may grant any role on it, the secretary and include_subtree among them.
- Acting on an account (new password, disabling) needs `core.accounts.manage` on the person's
  organisation and `may_grant` for every role the account holds: a secretary cannot take over a
  colleague who holds more than she may grant (another secretary, a bureau viewer).

One-time passwords are returned to the page once; they are never stored or audited in clear, and
the account must change them at the first login (`must_change_password`).
"""

from __future__ import annotations

import secrets
import string
from datetime import date

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from pypinyin import lazy_pinyin

from .. import audit, policy, writes
from ..audit_actions import CoreAction
from ..models import Organisation, PartyStatus, PartyStatusChange, Person, RoleGrant, User
from ..models.accounts import Role

MANAGE = "core.accounts.manage"
ORGANISATIONS_MANAGE = "core.organisations.manage"

# Letters and digits that cannot be mistaken for each other when read off a screen (no 0/O, 1/l/I).
_LOWER = "abcdefghijkmnpqrstuvwxyz"
_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS = "23456789"
_ALPHABET = _LOWER + _UPPER + _DIGITS


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


# --- the rules ------------------------------------------------------------------------------------
def one_time_password(user: User | None = None) -> str:
    """A strong random password to hand over once: 12 characters from `secrets` in three groups
    ("Kq7m-P3xa-9Hcz"), all four character classes, accepted by every AUTH_PASSWORD_VALIDATOR."""
    while True:
        chars = [secrets.choice(_ALPHABET) for _ in range(12)]
        if not all(any(c in group for c in chars) for group in (_LOWER, _UPPER, _DIGITS)):
            continue
        password = "-".join("".join(chars[i : i + 4]) for i in (0, 4, 8))
        try:
            validate_password(password, user)
        except ValidationError:
            continue
        return password


def _perms_of(role: str) -> set[str]:
    return {perm for perm in policy.known_permissions() if role in policy.roles_with(perm)}


def _parent_of(org: Organisation) -> Organisation | None:
    """The parent as policy needs it (key and path), from the child's path: no query."""
    if org.parent_id is None:
        return None
    trimmed = org.path.rstrip("/")
    return Organisation(pk=org.parent_id, path=trimmed[: trimmed.rfind("/") + 1])


def is_superior(actor, org: Organisation) -> bool:
    """The actor manages the organisations above `org` (holds core.organisations.manage on its parent)."""
    parent = _parent_of(org)
    return parent is not None and policy.has_perm(actor, ORGANISATIONS_MANAGE, parent)


def may_grant(actor, org: Organisation, role: str, include_subtree: bool = False) -> bool:
    """May `actor` grant (or withdraw) `role` on `org`? See the module's docstring."""
    if not policy.has_perm(actor, MANAGE, org):
        return False
    if is_superior(actor, org):
        return True
    perms = _perms_of(role)
    held = set().union(*(_perms_of(r) for r in policy.roles_on(actor, org)))
    return not include_subtree and MANAGE not in perms and perms <= held


def grantable_roles(actor, org: Organisation) -> list[tuple[str, str]]:
    return [(value, label) for value, label in Role.choices if may_grant(actor, org, value)]


def check_account(actor, user: User) -> None:
    """May `actor` give `user` a new password, disable or enable it? 404 outside her scope (and for
    logins without a person: the administrator keeps those), 403 when the account holds a role she
    could not grant."""
    if user.person_id is None:
        raise Http404
    policy.require(actor, MANAGE, user.person)
    for grant in user.grants.select_related("organisation"):
        if not may_grant(actor, grant.organisation, grant.role, grant.include_subtree):
            raise PermissionDenied(_("该账号拥有您无权授予的角色，请由上级党组织办理。"))


def check_person(actor, person: Person) -> None:
    """May `actor` open a login for `person`? 404 outside scope, 403 without the permission."""
    policy.require(actor, MANAGE, person)


def _user_write(actor, user: User, action: str, fields: dict, **extra) -> User:
    """Save `fields` of a login and audit it before and after, the password hash left out."""
    before = audit.snapshot(user, exclude=("password",))
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    after = {**audit.snapshot(user, exclude=("password",)), **extra}
    audit.record(actor, action, user, before=before, after=after, organisation=user.person.organisation)
    return user


def _clean_username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise ValidationError({"username": _("请填写用户名。")})
    if len(username) > 150:
        raise ValidationError({"username": _("用户名不能超过150个字符。")})
    allowed = set(string.ascii_letters + string.digits + "@.+-_")
    if not set(username) <= allowed:
        raise ValidationError({"username": _("用户名只能包含英文字母、数字和 @ . + - _。")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("用户名“%(name)s”已被使用，请换一个。") % {"name": username}})
    return username


# --- services -------------------------------------------------------------------------------------
@writes.service
def user_create(
    *, actor, organisation: Organisation, username: str, password: str, person: Person | None = None, **extra
) -> User:
    """A login for someone of `organisation`, by an officer who manages its accounts."""
    policy.require(actor, MANAGE, organisation)
    return user_add(actor=actor, username=username, password=password, person=person, **extra)


@writes.service
def account_create(*, actor, person: Person, username: str) -> tuple[User, str]:
    """A login for `person` with a one-time password, returned once to be handed over in person;
    the first login must change it."""
    check_person(actor, person)
    if person.organisation.is_closed:
        raise ValidationError({"person": _("所在党组织已撤销，不能新建账号。")})
    if User.objects.filter(person=person).exists():
        raise ValidationError({"person": _("%(name)s 已有账号。") % {"name": person.name}})
    if person.left_on and person.left_on <= timezone.localdate():
        raise ValidationError({"person": _("%(name)s 已离开本组织，不能新建账号。") % {"name": person.name}})
    username = _clean_username(username)
    password = one_time_password(User(username=username, person=person))
    user = user_add(
        actor=actor, username=username, password=password, person=person, must_change_password=True
    )
    return user, password


@writes.service
def secretary_register(
    *, actor, organisation: Organisation, name: str, gender: str, member_since: date, username: str
) -> tuple[User, str]:
    """A new organisation's secretary, by its superior: the person (a full member since
    `member_since`), her login with a one-time password and the 书记 role, in one step. A branch
    that has just been created has nobody in it yet, and only its own officers may add people, so
    without this nobody could ever log in to it."""
    policy.require(actor, MANAGE, organisation)
    if not is_superior(actor, organisation):
        raise PermissionDenied(_("新组织的书记由上级党组织设立。"))
    if organisation.is_closed:
        raise ValidationError({"name": _("该党组织已撤销，不能再设立书记。")})
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请填写书记的姓名。")})
    if member_since > timezone.localdate():
        raise ValidationError({"member_since": _("入党日期不能晚于今天。")})
    username = _clean_username(username)
    person = Person(
        organisation=organisation,
        name=name,
        name_pinyin="".join(lazy_pinyin(name)),
        gender=gender,
        party_status=PartyStatus.FULL,
    )
    writes.model_create(
        person,
        actor=actor,
        action=CoreAction.SECRETARY_REGISTERED,
        organisation=organisation,
        clean_exclude=("organisation", "id_number_digest"),
    )
    PartyStatusChange.objects.create(
        person=person, organisation=organisation, status=PartyStatus.FULL, since=member_since
    )
    password = one_time_password(User(username=username, person=person))
    user = user_add(
        actor=actor, username=username, password=password, person=person, must_change_password=True
    )
    role_add(actor=actor, user=user, organisation=organisation, role=Role.SECRETARY)
    return user, password


@writes.service
def password_reset(*, actor, user: User) -> tuple[User, str]:
    """A new one-time password for someone who forgot hers; a lockout on the account ends too."""
    check_account(actor, user)
    if user.pk == actor.pk:
        raise ValidationError(_("不能在这里重置自己的密码，请使用“修改密码”。"))
    password = one_time_password(user)
    user.set_password(password)
    _user_write(
        actor,
        user,
        CoreAction.PASSWORD_RESET,
        {"password": user.password, "must_change_password": True},
        lockout_cleared=AxesProxyHandler.reset_attempts(username=user.get_username()),
    )
    return user, password


@writes.service
def account_disable(*, actor, user: User) -> User:
    """The login stops working at once (sessions included); the person and the records stay."""
    check_account(actor, user)
    if user.pk == actor.pk:
        raise ValidationError(_("不能停用自己的账号。"))
    if not user.is_active:
        raise ValidationError(_("该账号已停用。"))
    return _user_write(actor, user, CoreAction.USER_DISABLED, {"is_active": False})


@writes.service
def account_enable(*, actor, user: User) -> User:
    check_account(actor, user)
    if user.is_active:
        raise ValidationError(_("该账号已是启用状态。"))
    return _user_write(actor, user, CoreAction.USER_ENABLED, {"is_active": True})


@writes.service
def role_grant(
    *, actor, user: User, organisation: Organisation, role: str, include_subtree: bool = False
) -> RoleGrant:
    """Grant `role` on `organisation` to someone of the actor's scope, within `may_grant`."""
    policy.require(actor, MANAGE, organisation)
    if user.person_id is None:
        raise Http404
    policy.require(actor, MANAGE, user.person)
    if role not in Role.values:
        raise ValidationError({"role": _("请选择有效的角色。")})
    if not may_grant(actor, organisation, role, include_subtree):
        raise PermissionDenied(_("您不能授予该角色，请由上级党组织办理。"))
    if organisation.is_closed:
        raise ValidationError({"organisation": _("该党组织已撤销，不能再授予角色。")})
    if RoleGrant.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise ValidationError({"role": _("该账号在%(org)s已有此角色。") % {"org": organisation.name}})
    return role_add(
        actor=actor, user=user, organisation=organisation, role=role, include_subtree=include_subtree
    )


def check_revoke(actor, grant: RoleGrant) -> None:
    """May `actor` withdraw `grant`? 404/403 as everywhere; nobody withdraws her own last role that
    manages accounts (a ValidationError that says so): no one would be left to manage them."""
    policy.require(actor, MANAGE, grant.organisation)
    if grant.user_id == actor.pk and MANAGE in _perms_of(grant.role):
        others = RoleGrant.objects.filter(user=actor, role__in=policy.roles_with(MANAGE)).exclude(pk=grant.pk)
        if not others.exists():
            raise ValidationError(
                _("不能撤销您本人唯一的%(role)s角色，否则将无人管理账号。请由上级党组织办理。")
                % {"role": grant.get_role_display()}
            )
    if not may_grant(actor, grant.organisation, grant.role, grant.include_subtree):
        raise PermissionDenied(_("您不能撤销该角色，请由上级党组织办理。"))


@writes.service
def role_revoke(*, actor, grant: RoleGrant) -> RoleGrant:
    """Withdraw a grant, within `check_revoke`."""
    check_revoke(actor, grant)
    audit.record(
        actor, CoreAction.ROLE_REVOKED, grant, before=audit.snapshot(grant), organisation=grant.organisation
    )
    grant.delete()
    policy.forget(grant.user)
    policy.forget(actor)
    return grant


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
