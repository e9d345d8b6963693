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
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhibu.awards.tests.factories import CampaignFactory as AwardCampaignFactory
from zhibu.awards.tests.factories import NominationFactory as AwardNominationFactory
from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, figures, findings
from zhibu.core.tests.factories import (
    CommitteeTermFactory,
    OrganisationFactory,
    PersonFactory,
    PostHoldingFactory,
    make_user,
)
from zhibu.development.tests.factories import pipeline_rows_for
from zhibu.disclosure.tests.factories import NoticeFactory, ObjectionFactory
from zhibu.dues.tests import helpers as dues_helpers
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.mentoring.tests.factories import make_case, make_log
from zhibu.pledges.tests.factories import PledgeFactory, PledgeItemFactory, closed_item
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
from zhibu.surveys.tests.factories import AnswerFactory as SurveyAnswerFactory
from zhibu.surveys.tests.factories import SurveyFactory
from zhibu.talks.tests.factories import TalkFactory
from zhibu.voice.tests.factories import AnswerFactory, ConsultationFactory, SuggestionFactory

SMALL, LARGE = 3, 30
# What one run of every registered rule, and one computation of every registered figure, may cost
# over a subtree of any size. The budget grows with what is registered, not with branches: a rule
# may spend a few grouped queries (42 for 17 rules when written), a figure about one (the points
# total one per points source, a ratio two). Each new ledger then needs no edit here.
QUERIES_PER_RULE = 4
FIGURE_QUERIES_OVER_ONE_EACH = 31


def max_findings_queries() -> int:
    return QUERIES_PER_RULE * len(findings.all())


def max_figures_queries() -> int:
    return len(figures.all()) + FIGURE_QUERIES_OVER_ONE_EACH


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
    _disclosure(branch, year)
    _appraisal(branch, secretary, member, year)
    _dues(member, secretary, retired, year)
    _talks_and_voice(branch, secretary, member, year)
    _pledges(branch, secretary, member, year)
    _awards(branch, member, year)
    pipeline_rows_for(branch, year)
    _membership(branch, secretary, member, year)


def _disclosure(branch, year: int) -> None:
    """A published plan and a 公示 with one answered and one unanswered objection."""
    NoticeFactory(organisation=branch, publish_from=date(year, 2, 20))
    notice = NoticeFactory(
        organisation=branch, kind="notice", publish_from=date(year, 6, 20), publish_until=date(year, 6, 26)
    )
    ObjectionFactory(notice=notice, organisation=branch, received_on=date(year, 6, 21))
    ObjectionFactory(
        notice=notice,
        organisation=branch,
        received_on=date(year, 6, 22),
        answer="已答复",
        answered_on=date(year, 6, 23),
    )


def _appraisal(branch, secretary, member, year: int) -> None:
    """Points rules over every ledger source, an adjustment, and a decided appraisal with a rating."""
    from zhibu.appraisal.tests.factories import (
        AppraisalFactory,
        PeerRatingFactory,
        PointAdjustmentFactory,
        PointRuleFactory,
    )
    from zhibu.core.registries import points

    for code in sorted(points.codes()):
        PointRuleFactory(organisation=branch, source=code, effective_from=date(year, 1, 1))
    PointAdjustmentFactory(organisation=branch, person=member, day=date(year, 5, 4))
    appraisal = AppraisalFactory(
        organisation=branch, person=member, year=year, decision="excellent", decided_on=date(year, 12, 26)
    )
    PeerRatingFactory(appraisal=appraisal, rater=secretary, rating="excellent")


def _dues(member, secretary, retired, year: int) -> None:
    """Bases from January; the secretary pays the whole year, the member and the retiree only the
    first quarter (arrears, and six months unpaid by the year's end)."""
    for person, amount in ((member, "3000.01"), (secretary, "5000.00"), (retired, "5000.00")):
        dues_helpers.base(person, amount, month=date(year, 1, 1))
    dues_helpers.paid(secretary, dues_helpers.months(year, 1, 12), paid_on=date(year, 12, 1))
    for person in (member, retired):
        dues_helpers.paid(person, dues_helpers.months(year, 1, 3), paid_on=date(year, 3, 10))


def _talks_and_voice(branch, secretary, member, year: int) -> None:
    """Talks by the secretary (a committee member in half the branches), one short month; a
    consultation with an answer, and suggestions answered in time, late and not at all."""
    for month, times in ((3, 2), (4, 1)):
        for k in range(times):
            TalkFactory(
                organisation=branch, talker=secretary, talked_with=member, held_on=date(year, month, 3 + k)
            )
    consultation = ConsultationFactory(organisation=branch, opens_on=date(year, 3, 1), asked=[member])
    AnswerFactory(consultation=consultation, person=member, answered_on=date(year, 3, 5))
    for answered in (date(year, 3, 20), date(year, 6, 1), None):
        status = "adopted" if answered else "pending"
        SuggestionFactory(organisation=branch, author=member, status=status, answered_on=answered)


def _pledges(branch, secretary, member, year: int) -> None:
    """A member's pledge with an item closed on time and one overdue (the rule has something to say)."""
    pledge = PledgeFactory(
        organisation=branch, person=member, starts_on=date(year, 2, 1), ends_on=date(year, 12, 31)
    )
    closed_item(secretary, day=date(year, 4, 20), pledge=pledge, due_on=date(year, 4, 30))
    PledgeItemFactory(pledge=pledge, due_on=date(year, 6, 30))


def _awards(branch, member, year: int) -> None:
    """A published 评先评优 with a winner, and a 满意度测评 with two answers."""
    campaign = AwardCampaignFactory(organisation=branch, published_on=date(year, 7, 1))
    AwardNominationFactory(kind__campaign=campaign, person=member, won=True)
    survey = SurveyFactory(organisation=branch, opens_on=date(year, 6, 12), closes_on=date(year, 6, 21))
    for rating in ("satisfied", "basic"):
        SurveyAnswerFactory(question__survey=survey, rating=rating)


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


@pytest.fixture(scope="module")
def _city(django_db_setup, django_db_blocker):
    """The two subtrees, built once for the module (about 20 s: every ledger's rows in 33 branches)
    inside a transaction rolled back when the module ends, so no other test sees them. Each test's
    own transaction nests inside it as a savepoint. The block is marked as a test case's, as
    Django's TestCase marks its own, so the services' durable transactions may run inside it."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block._from_testcase = True
        block.__enter__()
        try:
            yield {size: _bureau(f"city{size}", size) for size in (SMALL, LARGE)}
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


@pytest.fixture
def city(_city, db):
    return _city


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
    assert counts[LARGE] <= max_findings_queries(), counts


@pytest.mark.parametrize("spec", findings.all(), ids=lambda s: s.code)
def test_each_rule_costs_the_same_for_3_and_30_branches(city, spec):
    counts = _counts(city, lambda org, _user: list(findings.run(org, YEAR, codes=[spec.code])))
    assert counts[SMALL] == counts[LARGE], (spec.code, counts)


def test_every_rule_finds_something_to_say_at_this_scale(city):
    """The data above is not so clean that a rule would pass by yielding nothing."""
    found = {f.code for f in findings.run(city[LARGE][0], YEAR)}
    assert {"study.hours_target", "study.reading_quota", "development.no_development"} <= found


def _all_figures(org, period) -> list:
    return [figures.compute(spec.code, org, period).value for spec in figures.all()]


def test_all_figures_over_a_subtree_cost_the_same_for_3_and_30_branches(city):
    counts = _counts(city, lambda org, _user: _all_figures(org, YEAR))
    assert counts[SMALL] == counts[LARGE], counts
    assert counts[LARGE] <= max_figures_queries(), counts


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
