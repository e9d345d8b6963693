"""City scale: what the bureau runs over its subtree costs the same number of queries for 3 branches
as for 30 — every registered rule, every registered figure, and the bureau's busiest pages.

Both subtrees live in one database (two 局党委, one with 3 branches, one with 30, each branch with
members, a secretary, meetings, study sessions, reading, notes, checks, self-study and a mentoring
case), so the two counts differ only by the number of branches. The registries are iterated, so a
ledger added later is covered without touching this file.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, figures, findings
from zhibu.core.tests.factories import (
    CommitteeTermFactory,
    OrganisationFactory,
    PersonFactory,
    PostHoldingFactory,
    make_user,
)
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.mentoring.tests.factories import make_case, make_log
from zhibu.reports.tests.factories import SubmissionDeadlineFactory
from zhibu.study.tests.factories import (
    NoteCheckFactory,
    ReadingRecordFactory,
    SelfStudyDoneFactory,
    SelfStudyTaskFactory,
    StudyNoteFactory,
    StudySessionFactory,
    StudySettingsFactory,
)

SMALL, LARGE = 3, 30
# What one run of every registered rule, and one computation of every registered figure, may cost
# over a subtree of any size: 42 each when written (17 rules, 21 figures); a new rule or figure has
# a few queries of its own to spend, not one per branch.
MAX_FINDINGS_QUERIES = 60
# The service ledger added 19 figures at one query each (61 then): the figures' cap rose to 80.
# Transfers, 党籍 marks and elections added 9 figures at one query each (86 then): the cap rose to 90.
MAX_FIGURES_QUERIES = 90
YEAR = Period.year(2023)


def _branch(bureau, n: int, year: int) -> None:
    branch = OrganisationFactory(parent=bureau, code=f"{bureau.code}-{n}")
    secretary = PersonFactory(organisation=branch)
    member = PersonFactory(organisation=branch)
    retired = PersonFactory(organisation=branch, is_retired=True)
    PersonFactory(organisation=branch, party_status="activist")
    PersonFactory(organisation=branch, party_status="none", is_staff_member=True)
    if n % 2:  # half the branches have a secretary, half have stored study quotas
        PostHoldingFactory(term=CommitteeTermFactory(organisation=branch), person=secretary)
    else:
        StudySettingsFactory(organisation=branch, books_per_term=1, member_hours=Decimal("4"))
    for day in (date(year, 3, 8), date(year, 10, 12)):
        held_at = timezone.make_aware(datetime(day.year, day.month, day.day, 15, 30))
        meeting = MeetingFactory(organisation=branch, held_at=held_at, attendees=[secretary, member, retired])
        StudySessionFactory(organisation=branch, meeting=meeting, held_on=day)
        StudySessionFactory(organisation=branch, held_on=day, present=[secretary, retired])
        ReadingRecordFactory(organisation=branch, person=member, finished_on=day)
        StudyNoteFactory(organisation=branch, person=member, written_on=day)
        StudyNoteFactory(organisation=branch, person=secretary, written_on=day)
        NoteCheckFactory(organisation=branch, person=member, month=day.replace(day=1))
    task = SelfStudyTaskFactory(organisation=branch, assigned_on=date(year, 4, 1), due_on=date(year, 4, 30))
    SelfStudyDoneFactory(task=task, organisation=branch, person=member, done_on=date(year, 4, 20))
    case = make_case(member, started_on=date(year, 3, 1))
    make_log(case, date(year, 3, 20))
    _membership(branch, secretary, member, year)


def _membership(branch, secretary, member, year: int) -> None:
    """Transfers, 党籍 marks and elections: a member transferred in, one with stopped membership, a
    流动党员, and an election with a by-election (so the term-due rule and members_on* read them)."""
    from zhibu.elections.tests.factories import ElectionFactory, ResultFactory
    from zhibu.people.tests.factories import StatusMarkFactory, TransferFactory

    TransferFactory(organisation=branch, direction="in", transferred_on=date(year, 5, 10))
    StatusMarkFactory(
        organisation=branch, kind="suspended", started_on=date(year, 2, 1), ended_on=date(year, 9, 30)
    )
    StatusMarkFactory(organisation=branch, person=member, kind="mobile", started_on=date(year, 4, 1))
    election = ElectionFactory(organisation=branch, held_on=date(year - 3, 11, 1), presided_by=secretary)
    ResultFactory(election=election, person=secretary, post="secretary")
    by = ElectionFactory(
        organisation=branch, kind="by_election", held_on=date(year, 3, 16), term=election.term
    )
    ResultFactory(election=by, post="member")


def _bureau(code: str, branches: int):
    bureau = OrganisationFactory(code=code, kind="committee", name=f"{code}教育体育局党委")
    SubmissionDeadlineFactory(organisation=bureau)
    SubmissionDeadlineFactory(organisation=bureau, kind="weekly", weekday=4, day_of_month=None)
    this_year = timezone.localdate().year
    for n in range(branches):
        _branch(bureau, n, 2023)
        if n < 2:  # a little of this year too, so the dashboard's charts have lines to draw
            _branch(bureau, 100 + n, this_year)
    return bureau, make_user(f"{code}-viewer", bureau, "bureau", subtree=True)


@pytest.fixture
def city(db):
    return {size: _bureau(f"city{size}", size) for size in (SMALL, LARGE)}


def _count(func) -> int:
    func()  # warm: the first run fills per-process caches (content types, stroke table)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        func()
    cache.clear()
    return len(ctx.captured_queries)


def _counts(city, func) -> dict[int, int]:
    return {size: _count(lambda size=size: func(*city[size])) for size in (SMALL, LARGE)}


@pytest.mark.parametrize("period", [YEAR, Period.year(timezone.localdate().year)], ids=["2023", "now"])
def test_all_rules_over_a_subtree_cost_the_same_for_3_and_30_branches(city, period):
    counts = _counts(city, lambda org, _user: list(findings.run(org, period)))
    assert counts[SMALL] == counts[LARGE], counts
    assert counts[LARGE] <= MAX_FINDINGS_QUERIES, counts


@pytest.mark.parametrize("spec", findings.all(), ids=lambda s: s.code)
def test_each_rule_costs_the_same_for_3_and_30_branches(city, spec):
    counts = _counts(city, lambda org, _user: list(findings.run(org, YEAR, codes=[spec.code])))
    assert counts[SMALL] == counts[LARGE], (spec.code, counts)


def test_every_rule_finds_something_to_say_at_this_scale(city):
    """The data above is not so clean that a rule would pass by yielding nothing."""
    found = {f.code for f in findings.run(city[LARGE][0], YEAR)}
    assert {"study.hours_target", "study.reading_quota", "people.no_development"} <= found


def _all_figures(org, period) -> list:
    return [figures.compute(spec.code, org, period).value for spec in figures.all()]


def test_all_figures_over_a_subtree_cost_the_same_for_3_and_30_branches(city):
    counts = _counts(city, lambda org, _user: _all_figures(org, YEAR))
    assert counts[SMALL] == counts[LARGE], counts
    assert counts[LARGE] <= MAX_FIGURES_QUERIES, counts


def test_the_hours_figure_adds_up_per_member(city):
    value = figures.compute("study.hours", city[SMALL][0], YEAR)
    by_person = {p.pk: p.study_hours for p in value.records}
    assert value.value == sum(by_person.values()) > 0


def test_findings_run_once_per_request_for_every_panel(city, rf):
    org, user = city[SMALL]
    request = rf.get("/")
    request.user = user
    period = Period.year(timezone.localdate().year)
    first = dashboard.findings_of(request, org, period)
    with CaptureQueriesContext(connection) as ctx:
        again = dashboard.findings_of(request, org, period)
    assert again is first and not ctx.captured_queries


@pytest.mark.parametrize(
    "url",
    ["/", "/figures/", "/figures/?from=2023-01-01&to=2023-12-31", "/meetings/", "/people/", "/study/"],
)
def test_bureau_pages_cost_the_same_for_3_and_30_branches(city, client, url):
    def visit(_org, user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200

    counts = _counts(city, visit)
    assert counts[SMALL] == counts[LARGE], (url, counts)


@pytest.mark.parametrize("kind", ["annual", "monthly", "ledger"])
def test_documents_over_a_subtree_cost_the_same_for_3_and_30_branches(city, kind):
    from zhibu.reports.drafting import draft

    period = YEAR if kind != "monthly" else Period.month(2023, 3)
    counts = _counts(city, lambda org, _user: draft(kind, org, period))
    assert counts[SMALL] == counts[LARGE], (kind, counts)


def test_the_dashboard_panel_costs_a_fixed_number_of_queries(city, rf):
    """The reports panel (trend cards, monthly chart) asks each flow once for all its periods."""
    from zhibu.reports.dashboard import overview

    def panel(org, user):
        request = rf.get("/")
        request.user = user
        overview(request, org, Period.year(timezone.localdate().year))

    counts = _counts(city, panel)
    assert counts[SMALL] == counts[LARGE], counts
    # 219 at 76 figures: a figure without a day (stocks, rates, (value, records) pairs) costs a
    # query a period in the trend cards, so 2 per figure is not quite enough.
    assert counts[LARGE] <= 3 * len(figures.all()) + 60, counts
