"""账号与角色 and 下级组织: the pages a secretary and the superior use instead of the Django admin.

A secretary opens logins for the people of her branch, gives new one-time passwords, disables and
enables logins, grants and withdraws the branch's roles; the superior does the same for the
branches' secretaries and creates, renames, moves and closes the organisations under it. Every
write is a service of core.services (policy, validation, audit); a one-time password goes from the
service straight into the response (never stored, never cached) and is shown once.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import policy, selectors
from ..forms_accounts import (
    AccountCreateForm,
    CloseForm,
    ConfirmForm,
    GrantForm,
    MoveForm,
    OrganisationCreateForm,
    RenameForm,
)
from ..services import accounts as account_services
from ..services import organisations as org_services
from ..web import chosen_organisation, form_page, paginate

ACCOUNTS = selectors.ACCOUNTS_MANAGE
ORGANISATIONS = selectors.ORGANISATIONS_MANAGE


def _confirm_form(request: HttpRequest) -> ConfirmForm:
    # Bound on every POST, even one that carries nothing but its CSRF token.
    return ConfirmForm(request.POST if request.method == "POST" else None)


def _accounts_url(org) -> str:
    return f"{reverse('core:accounts')}?org={org.code}"


def _organisations_url(org) -> str:
    return f"{reverse('core:organisations')}?org={org.code}"


def _row(actor, person) -> dict:
    """One line of the accounts page, with what the actor may do on it (no query: grants are loaded)."""
    user = selectors.login_of(person)
    in_reach = policy.has_perm(actor, ACCOUNTS, person)
    grants = list(user.grants.all()) if user else []
    revocable = [
        (g, in_reach and account_services.may_grant(actor, g.organisation, g.role, g.include_subtree))
        for g in grants
    ]
    manageable = in_reach and user is not None and user.pk != actor.pk and all(can for _, can in revocable)
    return {
        "person": person,
        "user": user,
        "grants": revocable,
        "can_create": in_reach and user is None and not person.organisation.is_closed and not person.left_on,
        "can_manage": manageable,
        "can_grant": in_reach and user is not None,
    }


# --- 账号与角色 --------------------------------------------------------------------------------------
@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, ACCOUNTS)
    q = request.GET.get("q", "")
    page = paginate(request, selectors.people_with_accounts(org, q))
    selectors.with_grants(page.object_list)
    context = {
        "org": org,
        "page": page,
        "rows": [_row(request.user, person) for person in page.object_list],
        "q": q,
        "orgs": selectors.organisations_visible(request.user, ACCOUNTS),
        "show_org": selectors.has_children(org),
        "can_manage_organisations": policy.has_perm(request.user, ORGANISATIONS, org),
    }
    return render(request, "core/accounts/account_list.html", context)


def _form(request, form, *, save, org, title, submit, cancel, success=None, redirect_to=None, **extra):
    """A form page of this area (core/accounts/form.html); `extra` is the person or a note."""
    return form_page(
        request,
        form,
        save=save,
        success=success,
        redirect_to=redirect_to,
        template="core/accounts/form.html",
        context={"org": org, "title": title, "submit": submit, "cancel": cancel, **extra},
    )


def _confirm(request, *, save, org, title, text, submit, success=None, redirect_to=None, refusal=None):
    """A one-click action's confirmation page (core/accounts/confirm.html): the POST runs `save()`,
    unless a `refusal` is shown instead of the button (she may not, and the page says why)."""
    return form_page(
        request,
        _confirm_form(request),
        save=lambda _data: None if refusal else save(),
        success=success,
        redirect_to=redirect_to or _accounts_url(org),
        template="core/accounts/confirm.html",
        context={
            "title": title,
            "text": text,
            "submit": submit,
            "refusal": refusal,
            "org": org,
            "cancel": _accounts_url(org),
        },
    )


@never_cache
@login_required
def account_create(request: HttpRequest, person_pk: int) -> HttpResponse:
    person = selectors.person_for_account(request.user, person_pk)
    account_services.check_person(request.user, person)
    return _form(
        request,
        AccountCreateForm(request.POST or None, initial={"username": person.name_pinyin}),
        save=lambda data: account_services.account_create(
            actor=request.user, person=person, username=data["username"]
        ),
        redirect_to=lambda result: _password_once(request, *result, created=True),
        org=person.organisation,
        person=person,
        title=_("开通账号"),
        submit=_("开通账号并生成初始密码"),
        note=_("系统将生成一次性初始密码，只显示这一次；本人首次登录后须立即修改。"),
        cancel=_accounts_url(person.organisation),
    )


def _password_once(request: HttpRequest, user, password: str, *, created: bool) -> HttpResponse:
    """The one page that shows the password: rendered from the POST itself, never stored, never
    cached (never_cache on the views). A reload re-posts (the browser asks first): opening the
    account again is refused as a second login, a reset gives yet another new password."""
    context = {"account": user, "password": password, "created": created, "org": user.person.organisation}
    return render(request, "core/accounts/password_once.html", context)


@never_cache
@login_required
def account_reset(request: HttpRequest, pk: int) -> HttpResponse:
    user = selectors.account_get(request.user, pk)
    account_services.check_account(request.user, user)
    text = _("将为 %(name)s（%(username)s）生成新的一次性密码，原密码立即失效，账号如被锁定也一并解除。")
    return _confirm(
        request,
        save=lambda: account_services.password_reset(actor=request.user, user=user),
        redirect_to=lambda result: _password_once(request, user, result[1], created=False),
        org=user.person.organisation,
        title=_("重置密码"),
        text=text % _names(user),
        submit=_("重置密码"),
    )


def _names(user) -> dict:
    return {"name": user.display_name, "username": user.username}


def _grant_text(grant) -> str:
    return _("%(name)s 在 %(org)s 的“%(role)s”角色") % {
        "name": grant.user.display_name,
        "org": grant.organisation.name,
        "role": grant.get_role_display(),
    }


def _switch(request: HttpRequest, pk: int, *, enable: bool) -> HttpResponse:
    user = selectors.account_get(request.user, pk)
    account_services.check_account(request.user, user)
    service = account_services.account_enable if enable else account_services.account_disable
    if enable:
        title, text = _("启用账号"), _("启用后 %(name)s（%(username)s）可以重新登录。")
        done = _("已启用 %(name)s 的账号。")
    else:
        title = _("停用账号")
        text = _("停用后 %(name)s（%(username)s）不能再登录，已登录的会话随即失效；人员信息和记录都保留。")
        done = _("已停用 %(name)s 的账号。")
    return _confirm(
        request,
        save=lambda: service(actor=request.user, user=user),
        success=done % _names(user),
        org=user.person.organisation,
        title=title,
        text=text % _names(user),
        submit=title,
    )


@login_required
def account_disable(request: HttpRequest, pk: int) -> HttpResponse:
    return _switch(request, pk, enable=False)


@login_required
def account_enable(request: HttpRequest, pk: int) -> HttpResponse:
    return _switch(request, pk, enable=True)


@login_required
def role_grant(request: HttpRequest, pk: int) -> HttpResponse:
    user = selectors.account_get(request.user, pk)
    policy.require(request.user, ACCOUNTS, user.person)
    org = user.person.organisation
    return _form(
        request,
        GrantForm(request.POST or None, actor=request.user, initial={"organisation": org}),
        save=lambda data: account_services.role_grant(
            actor=request.user,
            user=user,
            organisation=data["organisation"],
            role=data["role"],
            include_subtree=data.get("include_subtree", False),
        ),
        success=lambda grant: _("已授予%(grant)s。") % {"grant": _grant_text(grant)},
        redirect_to=_accounts_url(org),
        org=org,
        person=user.person,
        title=_("授予角色"),
        submit=_("授予"),
        cancel=_accounts_url(org),
    )


@login_required
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = selectors.grant_get(request.user, pk)
    refusal = None
    try:
        account_services.check_revoke(request.user, grant)
    except ValidationError as exc:
        refusal = exc.messages
    return _confirm(
        request,
        save=lambda: account_services.role_revoke(actor=request.user, grant=grant),
        success=_("已撤销%(grant)s。") % {"grant": _grant_text(grant)},
        refusal=refusal,
        org=grant.organisation,
        title=_("撤销角色"),
        text=_("撤销%(grant)s？撤销后该账号不再拥有此角色的权限。") % {"grant": _grant_text(grant)},
        submit=_("撤销角色"),
    )


# --- 下级组织 ---------------------------------------------------------------------------------------
@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, ORGANISATIONS)
    page = paginate(request, selectors.organisations_under(org))
    rows = [{"org": o, "can_edit": account_services.is_superior(request.user, o)} for o in page.object_list]
    context = {
        "org": org,
        "page": page,
        "rows": rows,
        "orgs": selectors.organisations_visible(request.user, ORGANISATIONS),
        "can_create": not org.is_closed,
    }
    return render(request, "core/accounts/organisation_list.html", context)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, ORGANISATIONS)
    return _form(
        request,
        OrganisationCreateForm(request.POST or None, actor=request.user, initial={"parent": org}),
        save=lambda data: org_services.organisation_create(actor=request.user, **data),
        success=lambda created: _("已建立 %(name)s。") % {"name": created.name},
        redirect_to=lambda created: _organisations_url(created.parent),
        org=org,
        title=_("新建下级组织"),
        submit=_("建立"),
        cancel=_organisations_url(org),
    )


def _superior_org(request: HttpRequest, code: str):
    org = selectors.organisation_in_scope(request.user, code)
    org_services.check_superior(request.user, org)
    return org


def _org_form(request, form, org, *, save, success, title, submit, note, redirect_to=None) -> HttpResponse:
    """A change to an organisation under the actor's: back to its parent's list when saved."""
    return _form(
        request,
        form,
        save=save,
        success=success,
        redirect_to=redirect_to or _organisations_url(org.parent),
        org=org,
        title=title,
        submit=submit,
        note=note,
        cancel=_organisations_url(org.parent),
    )


@login_required
def organisation_rename(request: HttpRequest, code: str) -> HttpResponse:
    org = _superior_org(request, code)
    initial = {"name": org.name, "short_name": org.short_name, "version": org.version}
    return _org_form(
        request,
        RenameForm(request.POST or None, initial=initial),
        org,
        save=lambda data: org_services.organisation_rename(
            actor=request.user,
            org=org,
            name=data["name"],
            short_name=data["short_name"],
            version=data.get("version"),
        ),
        success=lambda done: _("已更名为 %(name)s。") % {"name": done.name},
        title=_("更名"),
        submit=_("保存"),
        note=_("原名称保留在操作日志中；已生成的文件不受影响。"),
    )


@login_required
def organisation_move(request: HttpRequest, code: str) -> HttpResponse:
    org = _superior_org(request, code)
    return _org_form(
        request,
        MoveForm(request.POST or None, actor=request.user, org=org, initial={"version": org.version}),
        org,
        save=lambda data: org_services.organisation_move(
            actor=request.user, org=org, new_parent=data["parent"], version=data.get("version")
        ),
        success=lambda done: _("已将 %(name)s 调整到 %(parent)s 之下。") % _moved(done),
        redirect_to=lambda done: _organisations_url(done.parent),
        title=_("调整隶属关系"),
        submit=_("调整"),
        note=_("其下级组织一并调整；原上级组织今后的统计不再包含它，含历史期间。"),
    )


def _moved(org) -> dict:
    return {"name": org.name, "parent": org.parent.name}


@login_required
def organisation_close(request: HttpRequest, code: str) -> HttpResponse:
    org = _superior_org(request, code)
    return _org_form(
        request,
        CloseForm(request.POST or None, initial={"version": org.version}),
        org,
        save=lambda data: org_services.organisation_close(
            actor=request.user, org=org, closed_on=data["closed_on"], version=data.get("version")
        ),
        success=lambda done: _("已撤销 %(name)s。") % {"name": done.name},
        title=_("撤销组织"),
        submit=_("撤销"),
        note=_("撤销后该组织的人员、台账和历史统计全部保留，只是不能再开通账号、授予角色或设下级组织。"),
    )
