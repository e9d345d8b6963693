"""Personas shared by every app's tests (healthchecks style): one world, five people.

- secretary: 书记 of branch A (育才学校党支部)
- committee: 支委 of branch A
- member: an ordinary member of branch A
- checker: the school office checker of branch A
- bureau: the bureau viewer over the whole tree
- outsider: the secretary of branch B (another school)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

PASSWORD = "Zhibu-test-123"  # noqa: S105 - test accounts only
PERSONAS = ("anonymous", "secretary", "committee", "member", "checker", "bureau", "outsider")


@dataclass
class World:
    bureau_org: object
    branch: object
    other_branch: object
    users: dict
    people: dict

    def __getattr__(self, name):
        try:
            return self.users[name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """No test writes uploads into the install's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _jobs_run_at_once(settings):
    """Background jobs run inside the request that starts them (the immediate backend), so a test
    sees a job's outcome on the page it is redirected to; `make run` uses the database queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache: cached dashboard figures are keyed by organisation id
    and date, which repeat from test to test, so a value could otherwise leak into the next test."""
    from django.core.cache import caches

    for alias in ("default", "stamped"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _computed_each_time(settings):
    """Pages compute findings and figures themselves: factories write around the services, so the
    data stamps that stored values are keyed by would not move. Tests of the store switch it back
    on (core/tests/test_stamped.py) and write through the services. A superior's value is
    refreshed inline: a background thread would not see the test's open transaction."""
    settings.ZHIBU_STAMPED_CACHE = False
    settings.ZHIBU_STAMPED_REFRESH = "inline"


# (code, name, kind, parent code) in creation order, as make_org() would build them.
_ORGS = (
    ("bureau", "XX市教育体育局党委", "committee", None),
    ("yucai", "XX市育才学校党支部", "branch", "bureau"),
    ("school-14", "XX市第十四中学党支部", "branch", "bureau"),
)
# persona -> (organisation code, name, PersonFactory overrides), in PersonFactory call order.
_PEOPLE = (
    ("secretary", "yucai", "张文华", {}),
    ("committee", "yucai", "于雪华", {"gender": "M"}),
    ("member", "yucai", "刘丹", {}),
    ("checker", "yucai", "何静", {"party_status": "activist"}),
    ("outsider", "school-14", "林志强", {"gender": "M"}),
    ("other_member", "school-14", "黄海燕", {}),
)
# persona -> (organisation code, role, include_subtree, has a person), in make_user() call order.
_USERS = (
    ("secretary", "yucai", "secretary", False, True),
    ("committee", "yucai", "committee", False, True),
    ("member", "yucai", "member", False, True),
    ("checker", "yucai", "checker", False, True),
    ("bureau", "bureau", "bureau", True, False),
    ("outsider", "school-14", "secretary", False, True),
)


@functools.cache
def _pinyin(name: str) -> str:
    from zhibu.people.services.persons import pinyin_of

    return pinyin_of(name)


def _build_world() -> World:
    """The rows make_org(), PersonFactory and make_user() would write, field for field (audit entries
    of the organisations, status history, grants) and in the same order, so the primary keys match
    too, in seven bulk INSERTs instead of ~40 single ones: the matrix alone builds this world about
    600 times."""
    import factory
    from django.utils import timezone

    from zhibu.core import audit
    from zhibu.core.models import AuditEntry, Organisation, PartyStatusChange, Person, RoleGrant, User
    from zhibu.core.strokes import name_sort_string
    from zhibu.core.tests.factories import TEST_PASSWORD, PersonFactory, _password_hash

    orgs: dict[str, Organisation] = {}
    for batch in (_ORGS[:1], _ORGS[1:]):  # a parent before its children
        rows = [
            Organisation(
                code=code,
                name=name,
                kind=kind,
                parent=orgs.get(parent),
                path=f"{orgs[parent].path if parent else '/'}{code}/",
                unit_name=name.replace("党支部", ""),
            )
            for code, name, kind, parent in batch
        ]
        for org in Organisation.objects.bulk_create(rows):
            orgs[org.code] = org
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=None,
            actor_name="匿名",
            action="core.organisation.created",
            object_type=org._meta.label_lower,
            object_id=str(org.pk),
            object_repr=str(org)[:200],
            organisation_id=org.pk,
            after=audit.snapshot(org),
        )
        for org in orgs.values()
    )

    declarations = PersonFactory._meta.declarations
    defaults = {
        key: value
        for key, value in declarations.items()
        if key != "organisation" and not isinstance(value, factory.declarations.BaseDeclaration)
    }
    people: dict[str, Person] = {}
    for persona, org_code, name, overrides in _PEOPLE:
        n = PersonFactory._meta.next_sequence()  # the factory's sequence moves on as before
        people[persona] = Person(
            **{**defaults, **overrides},
            organisation=orgs[org_code],
            name=name,
            name_pinyin=_pinyin(name),
            name_strokes=name_sort_string(name),
            phone=declarations["phone"].function(n),
        )
    Person.objects.bulk_create(people.values())
    PartyStatusChange.objects.bulk_create(
        PartyStatusChange(
            person=person,
            organisation=person.organisation,
            status=person.party_status,
            since=date(2005, 7, 1),
        )
        for person in people.values()
        if person.party_status != "none"
    )

    password = _password_hash(TEST_PASSWORD)
    now = timezone.now()
    users = {
        persona: User(
            username=persona,
            password=password,
            password_changed_at=now,
            person=people[persona] if has_person else None,
        )
        for persona, _org, _role, _subtree, has_person in _USERS
    }
    User.objects.bulk_create(users.values())
    RoleGrant.objects.bulk_create(
        RoleGrant(user=users[persona], organisation=orgs[org_code], role=role, include_subtree=subtree)
        for persona, org_code, role, subtree, _person in _USERS
    )
    return World(orgs["bureau"], orgs["yucai"], orgs["school-14"], users, people)


@pytest.fixture
def world(db) -> World:
    return _build_world()


@pytest.fixture
def login(client):
    """login(user) -> a client logged in as user (None: anonymous)."""

    def _login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _login


@pytest.fixture
def fixtures_dir() -> Path:
    return Path(__file__).parent / "tests" / "files"
