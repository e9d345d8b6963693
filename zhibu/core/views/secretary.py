"""设立书记: the superior gives a new organisation its secretary — the person, her login with a
one-time password (shown once, as on the accounts pages) and the 书记 role — because nobody of an
empty branch could otherwise log in to add people."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import selectors
from ..forms_accounts import SecretaryForm
from ..services import accounts as account_services
from ..services import organisations as org_services
from .accounts import _form, _organisations_url, _password_once


@never_cache
@login_required
def secretary_register(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.organisation_in_scope(request.user, code)
    org_services.check_superior(request.user, org)
    return _form(
        request,
        SecretaryForm(request.POST or None),
        save=lambda data: account_services.secretary_register(actor=request.user, organisation=org, **data),
        redirect_to=lambda result: _password_once(request, *result, created=True),
        org=org,
        title=_("设立书记"),
        submit=_("设立书记并生成初始密码"),
        note=_(
            "为本组织登记书记并开通账号，系统生成一次性初始密码，只显示这一次；书记首次登录后须立即修改。"
        ),
        cancel=_organisations_url(org.parent),
    )
