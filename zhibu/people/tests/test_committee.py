"""The 支部委员会 page: 换届, posts held and ended, their bad input, and who may do what."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry, CommitteeTerm, Post, PostHolding
from zhibu.core.tests.factories import CommitteeTermFactory, PersonFactory, PostHoldingFactory

PAGE = reverse("people:committee") + "?org=yucai"
TERM_NEW = reverse("people:committee_term_new") + "?org=yucai"
HOLDING_NEW = reverse("people:committee_holding_new") + "?org=yucai"
TERM_DAY = date(2021, 9, 1)


def counts() -> tuple[int, int, int]:
    return CommitteeTerm.objects.count(), PostHolding.objects.count(), AuditEntry.objects.count()


def ended(holding) -> date | None:
    holding.refresh_from_db()
    return holding.ended_on


@pytest.fixture
def term(world):
    """The running term of branch A since 2021-09-01, its secretary 张文华 as 书记."""
    term = CommitteeTermFactory(organisation=world.branch, started_on=TERM_DAY)
    PostHoldingFactory(term=term, person=world.people["secretary"], post=Post.SECRETARY)
    return term


def holding_form(world, persona="member", post=Post.ORGANISATION, day=TERM_DAY + timedelta(days=30), **more):
    return {"person": world.people[persona].pk, "post": post, "started_on": day.isoformat(), **more}


# --- reading -------------------------------------------------------------------------------------


def test_page_shows_the_current_term_past_terms_and_the_accounts_hint(world, login, term):
    old = CommitteeTermFactory(
        organisation=world.branch, started_on=date(2018, 9, 1), ended_on=date(2021, 8, 31)
    )
    PostHoldingFactory(
        term=old, person=world.people["committee"], post=Post.SECRETARY, ended_on=date(2021, 8, 31)
    )
    html = login(world.secretary).get(PAGE).content.decode()
    assert "本届（2021年9月1日起）" in html
    assert "张文华" in html and "书记" in html
    assert "往届" in html and "2018-09-01 — 2021-08-31" in html and "于雪华" in html
    assert "账号与角色" in html and reverse("core:accounts") in html
    assert reverse("people:committee_holding_new") in html


def test_committee_member_reads_without_write_links(world, login, term):
    html = login(world.committee).get(PAGE).content.decode()
    assert "张文华" in html
    assert reverse("people:committee_term_new") not in html
    assert reverse("people:committee_holding_new") not in html


def test_page_without_a_term_invites_the_first_change(world, login):
    html = login(world.secretary).get(PAGE).content.decode()
    assert "还没有记录支部委员会" in html
    assert reverse("people:committee_term_new") in html


def test_nav_entry_is_the_secretarys(world, login):
    url = reverse("people:committee")
    assert url in login(world.secretary).get("/").content.decode()
    assert url not in login(world.committee).get("/").content.decode()


# --- 换届 ----------------------------------------------------------------------------------------


def test_new_term_ends_the_previous_term_and_its_posts(world, login, term):
    organiser = PostHoldingFactory(term=term, person=world.people["member"], post=Post.ORGANISATION)
    gone = PostHoldingFactory(
        term=term, person=world.people["committee"], post=Post.PUBLICITY, ended_on=date(2022, 3, 1)
    )
    day = date(2024, 9, 1)
    response = login(world.secretary).post(TERM_NEW, {"started_on": day.isoformat(), "note": "换届选举"})
    assert response.status_code == 302
    assert response.url == PAGE
    term.refresh_from_db()
    assert term.ended_on == date(2024, 8, 31)
    assert ended(organiser) == date(2024, 8, 31)
    assert ended(gone) == date(2022, 3, 1)  # an ended post keeps its own day
    new = CommitteeTerm.objects.get(organisation=world.branch, ended_on__isnull=True)
    assert new.started_on == day and new.note == "换届选举"
    actions = list(
        AuditEntry.objects.filter(action__startswith="people.committee.").values_list("action", flat=True)
    )
    assert sorted(actions) == sorted(
        [
            "people.committee.holding_ended",
            "people.committee.holding_ended",
            "people.committee.term_ended",
            "people.committee.term_started",
        ]
    )


def test_first_term_of_a_branch(world, login):
    response = login(world.secretary).post(TERM_NEW, {"started_on": "2023-09-01"})
    assert response.status_code == 302
    assert CommitteeTerm.objects.get(organisation=world.branch).started_on == date(2023, 9, 1)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (timezone.localdate() + timedelta(days=1), "换届日期不能晚于今天"),
        (TERM_DAY, "换届日期须晚于上一届已记录的最后日期（2021-09-01）"),
        (date(2020, 1, 1), "换届日期须晚于上一届已记录的最后日期（2021-09-01）"),
        (None, "这个字段是必填项"),
    ],
)
def test_bad_term_day_writes_nothing(world, login, term, day, message):
    before = counts()
    response = login(world.secretary).post(TERM_NEW, {"started_on": day.isoformat() if day else ""})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == before
    term.refresh_from_db()
    assert term.ended_on is None


# --- a post --------------------------------------------------------------------------------------


def test_secretary_records_an_organisation_member_then_ends_it(world, login, term):
    client = login(world.secretary)
    response = client.post(HOLDING_NEW, holding_form(world, by_election="on"))
    assert response.status_code == 302
    holding = PostHolding.objects.get(person=world.people["member"])
    assert (holding.term, holding.post, holding.by_election) == (term, Post.ORGANISATION, True)
    assert holding.started_on == TERM_DAY + timedelta(days=30)
    assert AuditEntry.objects.filter(
        action="people.committee.holding_added", object_id=str(holding.pk)
    ).exists()
    # Holding the post grants no role: the member's account is unchanged.
    assert set(world.member.grants.values_list("role", flat=True)) == {"member"}
    html = client.get(PAGE).content.decode()
    assert "刘丹" in html and "组织委员" in html

    end = reverse("people:committee_holding_end", kwargs={"pk": holding.pk})
    assert client.post(end, {"ended_on": "2023-01-31"}).status_code == 302
    assert ended(holding) == date(2023, 1, 31)
    assert AuditEntry.objects.filter(
        action="people.committee.holding_ended", object_id=str(holding.pk)
    ).exists()


def test_a_new_secretary_after_the_last_one_ended(world, login, term):
    sitting = PostHolding.objects.get(term=term, post=Post.SECRETARY)
    client = login(world.secretary)
    end = reverse("people:committee_holding_end", kwargs={"pk": sitting.pk})
    assert client.post(end, {"ended_on": "2022-06-30"}).status_code == 302
    form = holding_form(world, "committee", Post.SECRETARY, date(2022, 7, 1), by_election="on")
    assert client.post(HOLDING_NEW, form).status_code == 302
    assert PostHolding.objects.filter(term=term, post=Post.SECRETARY).count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"persona": "checker"}, "只能选择本支部的党员"),  # an activist, not a member
        ({"persona": "other_member"}, "只能选择本支部的党员"),  # branch B's
        ({"post": Post.SECRETARY}, "书记只能有一位：张文华的书记任职尚未结束，请先结束其任职"),
        ({"day": timezone.localdate() + timedelta(days=1)}, "任职开始日期不能晚于今天"),
        ({"day": TERM_DAY - timedelta(days=1)}, "任职开始日期不能早于本届任期开始（2021-09-01）"),
        ({"persona": "secretary", "post": Post.SECRETARY}, "书记只能有一位"),
        ({"post": "chairman"}, "chairman"),
    ],
)
def test_bad_post_writes_nothing(world, login, term, change, message):
    before = counts()
    response = login(world.secretary).post(HOLDING_NEW, holding_form(world, **change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == before


def test_not_a_member_on_the_start_day(world, login, term):
    newcomer = PersonFactory(organisation=world.branch, name="陈新", party_status="full", history=False)
    newcomer.status_changes.create(organisation=world.branch, status="full", since=date(2023, 7, 1))
    before = counts()
    response = login(world.secretary).post(
        HOLDING_NEW, holding_form(world, day=date(2022, 9, 1)) | {"person": newcomer.pk}
    )
    assert (
        "陈新在2022-09-01不是本支部的党员（预备党员或正式党员），不能担任支委职务"
        in response.content.decode()
    )
    assert counts() == before


def test_the_same_post_twice(world, login, term):
    PostHoldingFactory(term=term, person=world.people["member"], post=Post.ORGANISATION)
    before = counts()
    response = login(world.secretary).post(HOLDING_NEW, holding_form(world))
    assert "刘丹已担任组织委员" in response.content.decode()
    assert counts() == before


def test_no_post_without_a_term(world, login):
    before = counts()
    response = login(world.secretary).post(HOLDING_NEW, holding_form(world))
    assert "尚未记录本届支部委员会，请先办理换届" in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (timezone.localdate() + timedelta(days=1), "任职结束日期不能晚于今天"),
        (TERM_DAY - timedelta(days=1), "任职结束日期不能早于任职开始日期（2021-09-01）"),
    ],
)
def test_bad_end_day_writes_nothing(world, login, term, day, message):
    sitting = PostHolding.objects.get(term=term)
    before = counts()
    url = reverse("people:committee_holding_end", kwargs={"pk": sitting.pk})
    response = login(world.secretary).post(url, {"ended_on": day.isoformat()})
    assert message in response.content.decode()
    assert counts() == before and ended(sitting) is None


def test_an_ended_post_cannot_end_again(world, login, term):
    sitting = PostHolding.objects.get(term=term)
    sitting.ended_on = date(2022, 1, 1)
    sitting.save()
    url = reverse("people:committee_holding_end", kwargs={"pk": sitting.pk})
    response = login(world.secretary).post(url, {"ended_on": "2022-02-01"})
    assert "该任职已于2022-01-01结束" in response.content.decode()
    assert ended(sitting) == date(2022, 1, 1)


# --- who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["committee", "member", "bureau"])
def test_only_the_secretary_writes(world, login, term, persona):
    before = counts()
    client = login(world.users[persona])
    sitting = PostHolding.objects.get(term=term)
    assert client.post(TERM_NEW, {"started_on": "2024-09-01"}).status_code == 403
    assert client.post(HOLDING_NEW, holding_form(world)).status_code == 403
    end = reverse("people:committee_holding_end", kwargs={"pk": sitting.pk})
    assert client.post(end, {"ended_on": "2022-01-01"}).status_code == 403
    assert counts() == before


def test_another_branchs_secretary_gets_404(world, login, term):
    before = counts()
    client = login(world.outsider)
    sitting = PostHolding.objects.get(term=term)
    assert client.get(PAGE).status_code == 404
    assert client.post(TERM_NEW, {"started_on": "2024-09-01"}).status_code == 404
    assert client.post(HOLDING_NEW, holding_form(world)).status_code == 404
    end = reverse("people:committee_holding_end", kwargs={"pk": sitting.pk})
    assert client.post(end, {"ended_on": "2022-01-01"}).status_code == 404
    assert counts() == before


def test_outsider_cannot_give_her_own_member_a_post_in_branch_a(world, login, term):
    # Her own page: branch A's member is no choice of hers.
    CommitteeTermFactory(organisation=world.other_branch, started_on=TERM_DAY)
    before = counts()
    url = reverse("people:committee_holding_new") + "?org=school-14"
    response = login(world.outsider).post(url, holding_form(world))
    assert response.status_code == 200
    assert "只能选择本支部的党员" in response.content.decode()
    assert counts() == before
