"""换届 and 补选: the committee and its posts take effect from the election date, the previous term
ends the day before; the rules of the 选举工作条例 and a by-election for a post that is not vacant
are refused with a message naming them, and nothing is written; the term-due finding."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhibu.core.models import AuditEntry, CommitteeTerm, Post, PostHolding
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.tests.factories import PersonFactory
from zhibu.elections.models import Election, Kind, Result
from zhibu.elections.rules import term_end
from zhibu.elections.services.elections import Elected, by_election_hold, election_hold
from zhibu.people import selectors as people_selectors

DAY = date(2021, 9, 1)


@pytest.fixture
def branch_members(world):
    """Branch A's members: the three personas and five more, all members since 2005."""
    extra = [PersonFactory(organisation=world.branch) for _ in range(5)]
    return [world.people["secretary"], world.people["committee"], world.people["member"], *extra]


def rows():
    return (
        Election.objects.count(),
        Result.objects.count(),
        CommitteeTerm.objects.count(),
        PostHolding.objects.count(),
        AuditEntry.objects.count(),
    )


def hold(world, members, day=DAY, **more):
    data = {
        "actor": world.secretary,
        "organisation": world.branch,
        "held_on": day,
        "presided_by": members[0],
        "ballots_cast": 8,
        "results": [
            Elected(members[0], Post.SECRETARY, 8),
            Elected(members[1], Post.DEPUTY_SECRETARY, 7),
            Elected(members[2], Post.ORGANISATION, 6),
        ],
    }
    return election_hold(**{**data, **more})


def by(world, members, day=date(2022, 3, 16), **more):
    data = {
        "actor": world.secretary,
        "organisation": world.branch,
        "held_on": day,
        "presided_by": members[1],
        "ballots_cast": 7,
        "reason": "书记因病住院，由副书记主持补选两名支委",
        "results": [Elected(members[3], Post.DISCIPLINE, 6), Elected(members[4], Post.MEMBER, 5)],
    }
    return by_election_hold(**{**data, **more})


def test_an_election_opens_a_term_with_its_posts_from_the_election_date(world, branch_members):
    old = hold(world, branch_members, day=date(2018, 9, 1))
    election = hold(world, branch_members)
    assert election.kind == Kind.REGULAR and election.term.started_on == DAY
    old.term.refresh_from_db()
    assert old.term.ended_on == DAY - timedelta(days=1)
    on_day = {h.post: h.person for h in people_selectors.committee_on(world.branch, DAY)}
    assert on_day == {
        Post.SECRETARY: branch_members[0],
        Post.DEPUTY_SECRETARY: branch_members[1],
        Post.ORGANISATION: branch_members[2],
    }
    before = {h.post for h in people_selectors.committee_on(world.branch, DAY - timedelta(days=1))}
    assert before == {Post.SECRETARY, Post.DEPUTY_SECRETARY, Post.ORGANISATION}  # the old term's
    assert [r.votes for r in election.results.order_by("pk")] == [8, 7, 6]
    assert all(r.holding.started_on == DAY and not r.holding.by_election for r in election.results.all())


def test_a_by_election_fills_vacant_posts_and_the_history_shows_who_held_what(world, branch_members):
    hold(world, branch_members)
    election = by(world, branch_members)
    assert election.kind == Kind.BY_ELECTION and election.presided_by == branch_members[1]
    after = {h.post: h for h in people_selectors.committee_on(world.branch, date(2022, 3, 16))}
    assert after[Post.DISCIPLINE].person == branch_members[3] and after[Post.DISCIPLINE].by_election
    assert Post.DISCIPLINE not in {
        h.post for h in people_selectors.committee_on(world.branch, date(2022, 3, 15))
    }
    span = Period.span(date(2021, 9, 1), date(2022, 8, 31))
    assert figures.compute("elections.by_elections", world.branch, span).value == 1
    assert figures.compute("elections.elected", world.branch, span, kind="by_election").value == 2
    assert figures.compute("elections.elected", world.branch, span).value == 5


def test_a_by_election_for_a_post_that_is_not_vacant_is_refused(world, branch_members):
    hold(world, branch_members)
    before = rows()
    with pytest.raises(ValidationError) as caught:
        by(world, branch_members, results=[Elected(branch_members[3], Post.ORGANISATION, 6)])
    assert f"组织委员现由{branch_members[2].name}担任，不是空缺职务，不能补选" in str(caught.value)
    assert rows() == before


def test_an_election_in_the_future_is_refused(world, branch_members):
    before = rows()
    with pytest.raises(ValidationError, match="选举日期（.*）不能晚于今天"):
        hold(world, branch_members, day=timezone.localdate() + timedelta(days=1))
    assert rows() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ballots_cast": 8, "results": [Elected(None, Post.SECRETARY, 4)]}, "未超过投票人数8的半数"),
        ({"ballots_cast": 99}, "超过2021年9月1日本支部党员人数"),
        ({"term_years": 4}, "任期为3年或5年"),
        ({"results": []}, "请填写当选人"),
        ({"results": "no-secretary"}, "换届选举须选出书记"),
        ({"results": "twice"}, "只能当选一个职务"),
        ({"results": "outsider"}, "不是本支部党员，不能当选"),
    ],
)
def test_bad_elections_write_nothing(world, branch_members, change, message):
    change = dict(change)
    if change.get("results") == "no-secretary":
        change["results"] = [Elected(branch_members[1], Post.ORGANISATION, 6)]
    elif change.get("results") == "twice":
        change["results"] = [
            Elected(branch_members[0], Post.SECRETARY, 6),
            Elected(branch_members[0], Post.ORGANISATION, 6),
        ]
    elif change.get("results") == "outsider":
        change["results"] = [Elected(PersonFactory(organisation=world.other_branch), Post.SECRETARY, 6)]
    elif change.get("results") and change["results"][0].person is None:
        change["results"] = [Elected(branch_members[0], Post.SECRETARY, 4)]
    before = rows()
    with pytest.raises(ValidationError, match=message):
        hold(world, branch_members, **change)
    assert rows() == before


def test_a_member_or_committee_member_may_not_record_an_election(world, branch_members):
    with pytest.raises(Exception) as caught:
        hold(world, branch_members, actor=world.committee)
    assert caught.type.__name__ == "PermissionDenied"


def test_term_end_and_the_term_due_finding(world, branch_members):
    assert term_end(date(2020, 9, 1), 3) == date(2023, 8, 31)
    assert term_end(date(2020, 9, 1), 5) == date(2025, 8, 31)
    hold(world, branch_members, day=date(2020, 9, 1))

    def messages(end):
        return [
            f.message
            for f in findings.run(
                world.branch, Period.span(date(2023, 1, 1), end), codes=["elections.term_due"]
            )
        ]

    assert messages(date(2023, 5, 30)) == []
    assert messages(date(2023, 5, 31)) == [f"{world.branch.name}支委会将于2023年8月31日届满，请按期换届"]
    assert messages(date(2023, 7, 31)) == [f"{world.branch.name}支委会将于2023年8月31日届满，请按期换届"]
    assert messages(date(2023, 9, 1)) == [f"{world.branch.name}支委会任期已于2023年8月31日届满，请尽快换届"]


def test_the_result_can_be_published_with_names_and_posts(world, branch_members):
    from zhibu.core.registries import publishable

    hold(world, branch_members)
    [draft] = publishable.get("elections.results").build(world.branch, Period.span(DAY, DAY))
    assert draft.kind == "notice" and "换届选举结果的公示" in draft.title
    assert f"{branch_members[0].name}当选为书记（得8票）" in draft.body
