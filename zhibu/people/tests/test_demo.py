"""`manage.py demo`: idempotent, the seed school's figures, and accounts that work through the login page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from zhibu.core.models import DemoLoad, Organisation, Person, User
from zhibu.core.tests.factories import FAST_HASHERS
from zhibu.people import selectors
from zhibu.people.demo_data import DEMO_ACCOUNTS

DEMO_PASSWORD = "Demo-Passwort-2024"


@pytest.fixture
def demo_env(db, settings, tmp_path, monkeypatch):
    """Never write into the repository's var/: the generated password file goes to tmp_path."""
    settings.VAR_DIR = tmp_path
    settings.PASSWORD_HASHERS = FAST_HASHERS  # still argon2, at test-sized cost
    monkeypatch.setenv("ZHIBU_DEMO_PASSWORD", DEMO_PASSWORD)
    return tmp_path


def load_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_demo_twice_creates_nothing_new(demo_env):
    first = load_demo()
    assert "demo core: loaded" in first
    after_first = row_counts()
    assert after_first["core.Person"] > 0

    second = load_demo()
    assert "demo core: already loaded" in second
    assert row_counts() == after_first
    assert DemoLoad.objects.filter(name="core").count() == 1


def test_demo_rows_are_in_the_search_index(demo_env):
    from zhibu.core.models import SearchEntry
    from zhibu.study.models import ReadingRecord, StudyNote

    load_demo()
    # Study's demo bulk-inserts reading and notes: the command indexes them afterwards.
    assert SearchEntry.objects.filter(kind="study.reading").count() == ReadingRecord.objects.count() > 0
    assert SearchEntry.objects.filter(kind="study.notes").count() == StudyNote.objects.count() > 0
    assert SearchEntry.objects.filter(kind="people").count() == Person.objects.count()


def test_seed_school_matches_the_seed_document(demo_env):
    load_demo()
    school = Organisation.objects.get(code="yucai")
    # The seed document's day: the demo's transfer out of 2023-08-28 (马丽) counts after it.
    figures = selectors.composition(school, date(2023, 7, 31))
    assert figures["serving_members"] == 14
    assert figures["staff"] == 29
    assert figures["member_share_percent"] == 48
    assert figures["retired_members"] == 3
    assert Person.objects.filter(organisation=school, party_status="activist").count() == 2
    assert {o.code for o in Organisation.objects.all()} == {
        "bureau",
        "yucai",
        "school-14",
        "school-20",
        "shiyan",
    }


def test_demo_accounts_use_the_configured_password(demo_env):
    output = load_demo()
    assert DEMO_PASSWORD in output
    for username, _who in DEMO_ACCOUNTS:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD), username
        assert user.password.startswith("argon2$")
    assert not (demo_env / "demo_password").exists()  # the env var wins; nothing written


def test_generated_password_is_kept_under_var_dir(db, settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("ZHIBU_DEMO_PASSWORD", raising=False)
    from zhibu.people.demo_data import demo_password

    password = demo_password()
    assert (tmp_path / "demo_password").read_text().strip() == password
    assert oct((tmp_path / "demo_password").stat().st_mode & 0o777) == "0o600"
    assert demo_password() == password  # stable across runs
    from django.contrib.auth.password_validation import validate_password

    validate_password(password)


def test_demo_secretary_logs_in_and_another_branch_gets_404(demo_env):
    load_demo()
    secretary = Client()
    response = secretary.post(reverse("login"), {"username": "secretary", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    page = secretary.get(reverse("people:list"))
    assert page.status_code == 200
    assert page.context["org"].code == "yucai"
    assert page.context["page"].paginator.count == 32  # 19 members and activists + 13 other staff
    assert "张文华" in page.content.decode()

    outsider = Client()
    assert (
        outsider.post(reverse("login"), {"username": "outsider", "password": DEMO_PASSWORD}).status_code
        == 302
    )
    assert outsider.get(reverse("people:list") + "?org=yucai").status_code == 404
    someone = Person.objects.get(name="张文华")
    assert outsider.get(reverse("people:person", kwargs={"pk": someone.pk})).status_code == 404
