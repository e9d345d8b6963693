"""Session lifetime and password age, enforced on every request; no page with personal data cached;
what a page showed of stored values that were not yet current."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import stamped
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
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Restart the idle clock — unless the view is a poll (`session_quiet`). A poll is not the
        user's activity, and writing the session row from it fails while a background job holds
        SQLite's write lock past the busy timeout (a large roster import under load): Django then
        answers the poll with 400 (SessionInterrupted) and the progress bar dies mid-import."""
        if not request.user.is_authenticated or getattr(view_func, "session_quiet", False):
            return None
        now = time.time()
        # At most once a minute (a tenth of the idle limit if shorter): each write is a write of
        # the session row, and on SQLite it queues behind a long transaction. The idle clock then
        # errs early by under a minute.
        every = min(60, settings.ZHIBU_SESSION_IDLE_SECONDS / 10)
        seen_at = request.session.get(_SEEN_AT, now)
        if _SEEN_AT not in request.session or now - seen_at >= every:
            request.session[_SEEN_AT] = now
        return None


def session_quiet(view):
    """Mark a view that polls (a job's progress): it reads the session but never writes it."""
    view.session_quiet = True
    return view


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


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every response to a signed-in user, and on the login page.

    zhibu runs on shared school computers (the office PC, the staff room, a classroom): after one teacher
    logs out, the next must find nothing of hers in the browser — not through Back, not in the disk
    cache. Almost every page a signed-in user sees holds personal data (the roster, ID numbers,
    mentoring cases, plans, outcomes and reviews about minors, study notes), so no page is stored
    rather than a list that a new page could forget to join. The login page too: a stored copy would
    come back with a stale CSRF token and whatever the previous user left in the form.

    A response that already says how to cache (a download's `no-store`, a view's own policy) is left
    alone. Static files never reach this middleware: whitenoise answers them first, with long-lived
    caching, and they hold no personal data.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path == resolve_url(settings.LOGIN_URL):
            # max-age=0, no-cache, no-store, must-revalidate, private (and an Expires in the past)
            add_never_cache_headers(response)
        return response


class StampedNoteMiddleware:
    """Each request starts with nothing stale shown: a superior's page may show values computed
    before the latest write while the current ones are computed (core/stamped.py), and the page
    shell says so with the time they date from (context_processors.shell)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = stamped.begin_request()
        try:
            return self.get_response(request)
        finally:
            stamped.end_request(token)
