"""Session lifetime and password age, enforced on every request."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .auth_events import LOGIN_AT as _LOGIN_AT
from .auth_events import SEEN_AT as _SEEN_AT


def _send_to(request, url: str) -> HttpResponseRedirect:
    """A redirect that also works for htmx requests: htmx would follow a plain 302 itself and swap
    the login page into a fragment, so tell it to navigate the whole page instead."""
    response = HttpResponseRedirect(url)
    if request.headers.get("HX-Request"):
        response["HX-Redirect"] = url
    return response


class SessionLifetimeMiddleware:
    """Ends a session after ZHIBU_SESSION_IDLE_SECONDS without a request and after
    ZHIBU_SESSION_ABSOLUTE_SECONDS in all, whichever comes first. logout() flushes the
    server-side row, so a copied cookie is worthless afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            login_at = request.session.setdefault(_LOGIN_AT, now)
            seen_at = request.session.get(_SEEN_AT, now)
            idle = now - seen_at > settings.ZHIBU_SESSION_IDLE_SECONDS
            expired = now - login_at > settings.ZHIBU_SESSION_ABSOLUTE_SECONDS
            if idle or expired:
                logout(request)
                hours = settings.ZHIBU_SESSION_ABSOLUTE_SECONDS // 3600
                messages.info(
                    request,
                    _("登录已超时，请重新登录。")
                    if idle
                    else _("登录时间已满%(hours)d小时，请重新登录。") % {"hours": hours},
                )
                return _send_to(request, f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
            request.session[_SEEN_AT] = now
        return self.get_response(request)


class PasswordAgeMiddleware:
    """After ZHIBU_PASSWORD_MAX_AGE_DAYS (or when an administrator asks) the only page open is the
    password change form."""

    ALLOWED = ("password_change", "password_change_done", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and self._must_change(user):
            allowed = {reverse(name) for name in self.ALLOWED}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                messages.warning(request, _("您的密码已过期，请先修改密码。"))
                return _send_to(request, reverse("password_change"))
        return self.get_response(request)

    @staticmethod
    def _must_change(user) -> bool:
        if user.must_change_password:
            return True
        max_age = settings.ZHIBU_PASSWORD_MAX_AGE_DAYS
        if not max_age:
            return False
        changed = user.password_changed_at or user.date_joined
        return timezone.now() - changed > timedelta(days=max_age)
