"""Login events: failures and lockouts into the audit trail; the session clock starts at login.

Login, logout and failures happen inside django.contrib.auth and axes, not in a zhibu service,
so signals are the only place that sees them all (the login form, force_login, the admin).
They record facts; no decision is taken here. Successful logins are already kept by axes
(AccessLog), so they are not repeated in the audit trail.
"""

from __future__ import annotations

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import audit
from .models import Organisation

LOGIN_AT = "zhibu_login_at"
SEEN_AT = "zhibu_seen_at"


def _account(username: str | None):
    if not username:
        return None
    return get_user_model().objects.filter(username=username).select_related("person").first()


def _organisation(user) -> Organisation | None:
    return user.person.organisation if user is not None and user.person_id else None


@receiver(user_logged_in, dispatch_uid="zhibu.login")
def _logged_in(sender, request, user, **kwargs) -> None:
    # The absolute lifetime counts from the login itself, not from the first page after it.
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


@receiver(user_login_failed, dispatch_uid="zhibu.login_failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = (credentials or {}).get("username") or ""
    user = _account(username)
    audit.record(
        None,
        "core.login.failed",
        user,
        success=False,
        organisation=_organisation(user),
        object_repr=username,
    )


@receiver(user_locked_out, dispatch_uid="zhibu.locked_out")
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    user = _account(username)
    audit.record(
        None,
        "core.login.locked_out",
        user,
        success=False,
        organisation=_organisation(user),
        object_repr=username or "",
        after={"ip_address": ip_address},
    )
