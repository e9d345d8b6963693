"""The login policy, end to end through the real views and middleware, with frozen time."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from zhibu.core.models import AuditEntry, Person

START = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
LOCKED_TEXT = "账号已临时锁定"


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def post_login(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return client.get(reverse("core:dashboard")).status_code == 200


# --- lockout ------------------------------------------------------------------------------------


def test_five_bad_passwords_lock_the_account_for_thirty_minutes(world, client, frozen):
    for attempt in range(1, 5):
        response = post_login(client, "secretary", "wrong-password")
        assert response.status_code == 200, attempt
        assert "请输入一个正确的" in response.content.decode()  # Django's zh-hans "wrong password"
    fifth = post_login(client, "secretary", "wrong-password")
    assert fifth.status_code == 429
    assert LOCKED_TEXT in fifth.content.decode()
    assert "锁定30分钟" in fifth.content.decode()

    # Even the right password is refused while locked.
    frozen.shift(timedelta(minutes=29))
    during = post_login(client, "secretary", PASSWORD)
    assert during.status_code == 429
    assert LOCKED_TEXT in during.content.decode()
    assert not logged_in(client)

    # A try during the lockout restarts the 30 minutes (axes' reset-on-failure-during-lockout),
    # so an attacker cannot simply keep guessing at the end of each window.
    frozen.shift(timedelta(minutes=29))
    assert post_login(client, "secretary", PASSWORD).status_code == 429

    frozen.shift(timedelta(minutes=30, seconds=1))
    after = post_login(client, "secretary", PASSWORD)
    assert after.status_code == 302
    assert after["Location"] == reverse("core:dashboard")
    assert logged_in(client)


def test_lockout_is_per_account_not_per_address(world, client, frozen):
    for _ in range(5):
        post_login(client, "secretary", "wrong-password")
    assert post_login(client, "secretary", PASSWORD).status_code == 429

    # A colleague behind the same school NAT (same REMOTE_ADDR) is not affected.
    colleague = Client()
    response = post_login(colleague, "committee", PASSWORD)
    assert response.status_code == 302
    assert logged_in(colleague)


def test_lockout_is_logged_by_axes_and_in_the_audit_trail(world, client, frozen):
    for _ in range(5):
        post_login(client, "secretary", "wrong-password")

    attempt = AccessAttempt.objects.get(username="secretary")
    assert attempt.failures_since_start == 5
    assert attempt.ip_address == "127.0.0.1"
    assert AccessFailureLog.objects.filter(username="secretary", locked_out=True).exists()

    failed = AuditEntry.objects.filter(action="core.login.failed")
    assert failed.count() == 5
    assert all(not e.success for e in failed)
    first = failed.first()
    assert first.object_repr == "secretary"
    assert first.object_id == str(world.secretary.pk)
    assert first.organisation_id == world.branch.pk  # so the branch's audit page shows it
    assert "wrong-password" not in str(first.before) + str(first.after)

    locked = AuditEntry.objects.get(action="core.login.locked_out")
    assert locked.success is False
    assert locked.object_id == str(world.secretary.pk)
    assert locked.after == {"ip_address": "127.0.0.1"}


def test_successful_login_is_kept_in_the_axes_access_log(world, client):
    assert post_login(client, "member", PASSWORD).status_code == 302
    assert AccessLog.objects.filter(username="member").count() == 1


def test_unknown_username_failure_is_audited_without_an_object(db, client):
    post_login(client, "nobody", "whatever-1A")
    entry = AuditEntry.objects.get(action="core.login.failed")
    assert entry.object_repr == "nobody"
    assert entry.object_id == ""
    assert entry.organisation_id is None


# --- passwords -----------------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2(world, client):
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert identify_hasher(world.secretary.password).algorithm == "argon2"
    # A password set through the change form is argon2 too.
    client.force_login(world.secretary)
    client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Neu-Kennwort-7", "new_password2": "Neu-Kennwort-7"},
    )
    user = get_user_model().objects.get(pk=world.secretary.pk)
    assert user.password.startswith("argon2$")
    assert user.check_password("Neu-Kennwort-7")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1!x", "密码太短，至少需要8个字符"),  # 4 classes but 5 characters
        ("zhibuxyz2024", "须至少包含小写字母、大写字母、数字、符号中的3类"),  # 2 classes
        ("ZHIBU-XYZ-QW", "须至少包含小写字母、大写字母、数字、符号中的3类"),  # 2 classes
    ],
)
def test_weak_passwords_are_refused_with_a_chinese_message(world, client, password, message):
    with pytest.raises(ValidationError) as exc:
        validate_password(password, world.secretary)
    assert any(message in m for m in exc.value.messages)

    client.force_login(world.secretary)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    user = get_user_model().objects.get(pk=world.secretary.pk)
    assert user.check_password(PASSWORD)
    assert not user.check_password(password)


def test_three_classes_of_eight_characters_are_enough(world):
    validate_password("qwzxEF17", world.secretary)  # lower, upper, digit
    validate_password("qwzx-917", world.secretary)  # lower, digit, symbol


def test_expired_password_redirects_every_page_to_the_change_form(world, client, frozen):
    user = world.secretary
    user.password_changed_at = timezone.now() - timedelta(days=settings.ZHIBU_PASSWORD_MAX_AGE_DAYS + 1)
    user.save(update_fields=["password_changed_at"])
    client.force_login(user)

    for url in (
        reverse("core:dashboard"),
        reverse("people:list") + "?org=yucai",
        reverse("people:person", kwargs={"pk": world.people["member"].pk}),
        reverse("core:audit"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("password_change")
    page = client.get(reverse("password_change"))
    assert page.status_code == 200
    assert "您的密码已过期，请先修改密码。" in page.content.decode()

    frozen.shift(timedelta(minutes=10))
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Xin-Mima-2024", "new_password2": "Xin-Mima-2024"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.password_changed_at == START + timedelta(minutes=10)
    entry = AuditEntry.objects.get(action="core.user.password_changed", object_id=str(user.pk))
    assert entry.organisation_id == world.branch.pk
    assert "Xin-Mima-2024" not in str(entry.before) + str(entry.after)
    assert not user.must_change_password
    assert client.get(reverse("core:dashboard")).status_code == 200  # still logged in, access restored


def test_password_age_is_configurable_and_a_fresh_password_passes(world, client, settings, frozen):
    user = world.secretary
    user.password_changed_at = timezone.now() - timedelta(days=31)
    user.save(update_fields=["password_changed_at"])
    client.force_login(user)
    assert settings.ZHIBU_PASSWORD_MAX_AGE_DAYS == 90
    assert client.get(reverse("core:dashboard")).status_code == 200

    settings.ZHIBU_PASSWORD_MAX_AGE_DAYS = 30
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("password_change")


def test_must_change_password_flag_forces_the_change_form(world, client):
    world.member.must_change_password = True
    world.member.save(update_fields=["must_change_password"])
    client.force_login(world.member)
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("password_change")
    client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Xin-Mima-2024", "new_password2": "Xin-Mima-2024"},
    )
    world.member.refresh_from_db()
    assert world.member.must_change_password is False
    assert client.get(reverse("core:dashboard")).status_code == 200


# --- session lifetime ----------------------------------------------------------------------------


def test_thirty_minutes_idle_logs_out(world, client, frozen):
    assert post_login(client, "secretary", PASSWORD).status_code == 302
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    frozen.shift(timedelta(minutes=29))
    assert logged_in(client)  # activity restarts the idle clock
    frozen.shift(timedelta(minutes=29))
    assert logged_in(client)

    frozen.shift(timedelta(minutes=30, seconds=1))
    response = client.get(reverse("people:list") + "?org=yucai")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Session.objects.filter(session_key=session_key).exists()
    page = client.get(response["Location"])
    assert "登录已超时，请重新登录。" in page.content.decode()


def test_htmx_request_after_timeout_navigates_the_whole_page(world, client, frozen):
    client.force_login(world.secretary)
    frozen.shift(timedelta(minutes=31))
    response = client.get(reverse("people:list"), {"org": "yucai", "q": "刘"}, headers={"HX-Request": "true"})
    assert response.status_code == 302
    assert response["HX-Redirect"] == response["Location"]
    location = urlsplit(response["Location"])
    assert location.path == reverse("login")
    assert parse_qs(location.query)["next"] == ["/people/?org=yucai&q=%E5%88%98"]


def test_twelve_hours_after_login_logs_out_even_when_active(world, client, frozen, settings):
    # Three moments instead of a page every 25 minutes all day: the idle limit (tested above) is
    # moved past the day so the clock can jump, and only the 12-hour limit can end the session.
    settings.ZHIBU_SESSION_IDLE_SECONDS = 24 * 3600
    assert post_login(client, "secretary", PASSWORD).status_code == 302

    def still_signed_in() -> bool:
        return client.get(reverse("password_change")).status_code == 200

    frozen.shift(timedelta(minutes=25))
    assert still_signed_in()
    frozen.shift(timedelta(hours=12, seconds=-1) - timedelta(minutes=25))
    assert still_signed_in()  # 11:59:59 after login, and active this very second

    frozen.shift(timedelta(seconds=2))  # 12:00:01 after login, two seconds after the last page
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    page = client.get(response["Location"])
    assert "登录时间已满12小时，请重新登录。" in page.content.decode()


def test_logout_deletes_the_session_on_the_server(world, client):
    assert post_login(client, "secretary", PASSWORD).status_code == 302
    old_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=old_key).exists()

    assert client.get(reverse("logout")).status_code == 405  # GET never logs out (or in)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=old_key).exists()

    # Replaying the copied cookie gets nothing.
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = old_key
    replay = thief.get(reverse("core:dashboard"))
    assert replay.status_code == 302
    assert replay["Location"].startswith(reverse("login"))


# --- CSRF and headers ----------------------------------------------------------------------------

VALID_PERSON = {"name": "新同志", "gender": "F", "is_staff_member": "on", "party_status": "none"}


def test_post_without_csrf_token_is_refused_and_writes_nothing(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.secretary)
    url = reverse("people:create") + "?org=yucai"
    people, entries = Person.objects.count(), AuditEntry.objects.count()

    response = client.post(url, VALID_PERSON)
    assert response.status_code == 403
    assert Person.objects.count() == people
    assert AuditEntry.objects.count() == entries

    # The same post with the page's token goes through: the 403 was the missing token.
    token = client.get(url).context["csrf_token"]
    response = client.post(url, {**VALID_PERSON, "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    assert Person.objects.count() == people + 1


def test_login_post_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "secretary", "password": PASSWORD})
    assert response.status_code == 403
    assert not logged_in(client)


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize("persona", ["anonymous", "secretary"])
def test_security_headers(world, client, persona):
    if persona != "anonymous":
        client.force_login(world.users[persona])
    response = client.get(reverse("login") if persona == "anonymous" else reverse("core:dashboard"))
    assert response.status_code == 200
    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp.get("style-src", [])
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_login_page_is_chinese(db, client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "登录支部工作台账" in html
    assert "用户名" in html and "密码" in html


# No template may carry inline script, inline event handlers or inline style: CSP would block
# them in the browser, so they would silently not work.
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"\sstyle\s*=", re.I), "inline style attribute"),
    (re.compile(r"<style[\s>]", re.I), "inline <style>"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


# Standalone files users download (Content-Disposition: attachment) and open from disk: they carry
# their own styles because no stylesheet URL reaches them; they are never pages under our CSP.
DOWNLOADED_FILES = {"templates/reports/export.html"}


def test_no_template_needs_unsafe_inline():
    root = Path(settings.BASE_DIR) / "zhibu"
    problems = []
    for template in sorted(root.glob("**/templates/**/*.html")):
        if str(template.relative_to(root)) in DOWNLOADED_FILES:
            continue
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{template.relative_to(root)}:{line}: {what}")
    assert not problems, "\n".join(problems)


def test_password_change_and_its_audit_entry_are_one_write(world, monkeypatch):
    from django.db import DatabaseError

    from zhibu.core import audit
    from zhibu.core.services.accounts import password_change

    def broken(*args, **kwargs):
        raise DatabaseError("audit store unavailable")

    monkeypatch.setattr(audit.AuditEntry.objects, "create", broken)
    with pytest.raises(DatabaseError):
        password_change(user=world.secretary, password="Xin-Mima-2024")
    user = get_user_model().objects.get(pk=world.secretary.pk)
    assert user.check_password(PASSWORD)
