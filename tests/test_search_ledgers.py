"""The search box reaches every ledger through registered providers, each within the user's scope."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from zhibu.core import search_index
from zhibu.meetings.tests.helpers import at, make_meeting
from zhibu.reports.tests.factories import ReportRevisionFactory
from zhibu.study.tests import helpers as study

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(world):
    meeting = make_meeting(world.branch, "party_lecture", held_at=at(2023, 3, 8))
    meeting.topic = "党史专题党课：百年党史"
    meeting.save()
    study.book(world.branch, world.people["member"], "党史故事一百讲", date(2023, 4, 20))
    study.task(world.branch, "自学《中国共产党简史》", date(2023, 5, 1), date(2023, 5, 31))
    ReportRevisionFactory(document__organisation=world.branch)
    # Factories write past the services: index as a bulk loader does.
    search_index.reindex()
    return meeting


def _hits(client, text):
    page = client.get(reverse("core:search"), {"q": text}).context["page"]
    return [(hit.label, strip_tags(hit.title)) for hit in page]


def test_two_characters_find_meetings_and_books(world, login, records):
    hits = _hits(login(world.secretary), "党史")
    assert ("组织生活", str(records)) in hits
    assert any(label == "学习" and "党史故事一百讲" in title for label, title in hits)


def test_self_study_and_documents_are_found(world, login, records):
    client = login(world.secretary)
    assert any(label == "学习" and "中国共产党简史" in title for label, title in _hits(client, "简史"))
    # A document's paragraphs, without its figure references.
    assert [label for label, _ in _hits(client, "集中学习")] == ["总结材料"]
    assert _hits(client, "committee") == []


def test_documents_are_not_found_by_members(world, login, records):
    assert _hits(login(world.member), "集中学习") == []


def test_another_branch_finds_nothing(world, login, records):
    assert _hits(login(world.outsider), "党史") == []


def test_member_finds_meetings_she_may_read(world, login, records):
    assert ("组织生活", str(records)) in _hits(login(world.member), "党史")


def test_a_meetings_topic_change_reaches_its_study_session(world, login):
    from zhibu.meetings.services.meetings import meeting_update
    from zhibu.meetings.tests.helpers import mtype

    meeting = make_meeting(world.branch, "party_lecture", held_at=at(2023, 3, 8), topic="红色家书")
    study.session(world.branch, "party_lecture", mtg=meeting)
    search_index.reindex()
    meeting_update(
        actor=world.secretary,
        meeting=meeting,
        version=meeting.version,
        data={"topic": "包教经验交流", "held_at": meeting.held_at, "held": True},
        types=[mtype("party_lecture")],
    )
    labels = [label for label, _ in _hits(login(world.secretary), "包教")]
    assert sorted(labels) == ["学习", "组织生活"]
