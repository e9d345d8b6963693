"""The search box reaches every ledger through registered providers, each within the user's scope."""

from datetime import date

import pytest
from django.urls import reverse

from zhibu.meetings.tests.helpers import at, make_meeting
from zhibu.study.tests import helpers as study

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(world):
    meeting = make_meeting(world.branch, "party_lecture", held_at=at(2023, 3, 8))
    meeting.topic = "党史专题党课：百年党史"
    meeting.save()
    study.book(world.branch, world.people["member"], "党史故事一百讲", date(2023, 4, 20))
    return meeting


def _hits(client, text):
    return [(hit.label, hit.title) for hit in client.get(reverse("core:search"), {"q": text}).context["hits"]]


def test_two_characters_find_meetings_and_books(world, login, records):
    hits = _hits(login(world.secretary), "党史")
    assert ("组织生活", str(records)) in hits
    assert any(label == "学习" and "党史故事一百讲" in title for label, title in hits)


def test_another_branch_finds_nothing(world, login, records):
    assert _hits(login(world.outsider), "党史") == []


def test_member_finds_meetings_she_may_read(world, login, records):
    assert ("组织生活", str(records)) in _hits(login(world.member), "党史")
