"""Personas shared by every app's tests (healthchecks style): one world, five people.

- secretary: 书记 of branch A (育才学校党支部)
- committee: 支委 of branch A
- member: an ordinary member of branch A
- checker: the school office checker of branch A
- bureau: the bureau viewer over the whole tree
- outsider: the secretary of branch B (another school)
"""

from __future__ import annotations

from dataclasses import dataclass
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


@pytest.fixture
def world(db) -> World:
    from zhibu.core.tests.factories import PersonFactory, make_org, make_user

    bureau_org = make_org("bureau", "XX市教育体育局党委", kind="committee")
    branch = make_org("yucai", "XX市育才学校党支部", parent=bureau_org)
    other = make_org("school-14", "XX市第十四中学党支部", parent=bureau_org)
    people = {
        "secretary": PersonFactory(organisation=branch, name="张文华"),
        "committee": PersonFactory(organisation=branch, name="于雪华", gender="M"),
        "member": PersonFactory(organisation=branch, name="刘丹"),
        "checker": PersonFactory(organisation=branch, name="何静", party_status="activist"),
        "outsider": PersonFactory(organisation=other, name="林志强", gender="M"),
        "other_member": PersonFactory(organisation=other, name="黄海燕"),
    }
    users = {
        "secretary": make_user("secretary", branch, "secretary", person=people["secretary"]),
        "committee": make_user("committee", branch, "committee", person=people["committee"]),
        "member": make_user("member", branch, "member", person=people["member"]),
        "checker": make_user("checker", branch, "checker", person=people["checker"]),
        "bureau": make_user("bureau", bureau_org, "bureau", subtree=True),
        "outsider": make_user("outsider", other, "secretary", person=people["outsider"]),
    }
    return World(bureau_org, branch, other, users, people)


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
