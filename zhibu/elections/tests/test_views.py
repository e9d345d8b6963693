"""The elections pages: record a 换届 and a 补选 from the forms, read them, refuse bad input with
the message beside the form and nothing written; another branch's election is a 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.models import Post
from zhibu.core.tests.factories import PersonFactory
from zhibu.elections.models import Election, Result
from zhibu.elections.tests.factories import ElectionFactory

INDEX = reverse("elections:index") + "?org=yucai"
REGULAR = reverse("elections:regular") + "?org=yucai"
BY = reverse("elections:by_election") + "?org=yucai"


@pytest.fixture
def members(world):
    return [world.people["secretary"], world.people["committee"], world.people["member"]] + [
        PersonFactory(organisation=world.branch) for _ in range(3)
    ]


def form(presider, rows, day="2021-09-01", ballots=6, **more):
    data = {"held_on": day, "presided_by": presider.pk, "ballots_cast": ballots, **more}
    for n, (person, post, votes) in enumerate(rows, start=1):
        data.update({f"person_{n}": person.pk, f"post_{n}": post, f"votes_{n}": votes})
    return data


def test_secretary_records_an_election_and_a_by_election(world, login, members):
    client = login(world.secretary)
    rows = [(members[0], Post.SECRETARY, 6), (members[1], Post.DEPUTY_SECRETARY, 5)]
    response = client.post(REGULAR, form(members[0], rows, term_years=3))
    election = Election.objects.get()
    assert response.status_code == 302 and response.url == election.get_absolute_url()
    response = client.post(
        BY, form(members[1], [(members[2], Post.ORGANISATION, 5)], day="2022-03-16", reason="书记因病住院")
    )
    assert response.status_code == 302 and Election.objects.count() == 2
    html = client.get(INDEX).content.decode()
    assert "换届选举" in html and "补选" in html and members[1].name in html
    detail = client.get(election.get_absolute_url()).content.decode()
    assert members[0].name in detail and "6 / 6" in detail
    committee = client.get(reverse("people:committee") + "?org=yucai").content.decode()
    assert members[2].name in committee and "补选" in committee


def test_a_by_election_for_a_held_post_shows_the_message_and_writes_nothing(world, login, members):
    client = login(world.secretary)
    client.post(REGULAR, form(members[0], [(members[0], Post.SECRETARY, 6)], term_years=3))
    before = (Election.objects.count(), Result.objects.count())
    response = client.post(
        BY, form(members[1], [(members[2], Post.SECRETARY, 5)], day="2022-03-16", reason="补选书记")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "书记现由" in html and "不是空缺职务，不能补选" in html
    assert (Election.objects.count(), Result.objects.count()) == before


def test_an_incomplete_row_is_named(world, login, members):
    response = login(world.secretary).post(
        REGULAR,
        {**form(members[0], [(members[0], Post.SECRETARY, 6)], term_years=3), "person_2": members[1].pk},
    )
    assert "第2行：请同时填写当选人、职务和得票数" in response.content.decode()
    assert not Election.objects.exists()


def test_committee_member_reads_but_may_not_record(world, login, members):
    client = login(world.committee)
    assert client.get(INDEX).status_code == 200
    assert client.post(REGULAR, form(members[0], [(members[0], Post.SECRETARY, 6)])).status_code == 403
    assert not Election.objects.exists()


def test_other_branch_election_is_404(world, login):
    election = ElectionFactory(organisation=world.other_branch, held_on=date(2021, 9, 1))
    assert login(world.secretary).get(reverse("elections:election", args=[election.pk])).status_code == 404
