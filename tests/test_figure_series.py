"""figures.series: a figure registered with a `day` gives, for many periods in one grouped query,
exactly what `figures.compute` gives period by period — for every such figure of every ledger (the
registry is iterated), months, weeks, spans that cross months, and a bureau's subtree."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.appraisal.tests.factories import AppraisalFactory
from zhibu.awards.tests.factories import CampaignFactory as AwardCampaignFactory
from zhibu.awards.tests.factories import NominationFactory as AwardNominationFactory
from zhibu.care.tests.factories import (
    CareVisitFactory,
    DonationDriveFactory,
    DonationFactory,
    RetireeCallFactory,
)
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory
from zhibu.development.tests.factories import edge_steps
from zhibu.disclosure.tests.factories import NoticeFactory, ObjectionFactory
from zhibu.dues.tests import helpers as dues_helpers
from zhibu.honours.tests.factories import CompetitionRoundFactory, HonourFactory
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.pledges.tests.factories import PledgeFactory, PledgeItemFactory
from zhibu.service.tests.factories import (
    AssistanceVisitFactory,
    LiaisonContactFactory,
    ParticipationFactory,
    PartnerSessionFactory,
    TutoringSessionFactory,
    VolunteerEventFactory,
)
from zhibu.study.tests.factories import StudySessionFactory
from zhibu.surveys.tests.factories import AnswerFactory as SurveyAnswerFactory
from zhibu.talks.tests.factories import TalkFactory
from zhibu.voice.tests.factories import AnswerFactory, ConsultationFactory, SuggestionFactory

from .test_query_counts import _bureau

YEAR = Period.year(2023)
WITH_DAY = [spec for spec in figures.all() if spec.day is not None]
WITH_SERIES = [spec for spec in figures.all() if spec.series is not None]
# Days on both sides of month and week edges (a week here starts on Monday, 2023-02-27).
EDGES = [date(2023, 2, 26), date(2023, 2, 27), date(2023, 3, 31), date(2023, 4, 1), date(2023, 11, 2)]


def _periods() -> list[Period]:
    months = list(YEAR.months())
    weeks = list(Period.span(date(2023, 2, 27), date(2023, 4, 2)).weeks())
    odd = [Period.span(date(2023, 3, 5), date(2023, 3, 8)), Period.span(date(2023, 1, 20), date(2023, 11, 2))]
    return months + weeks + odd + [YEAR, Period.year(2022)]


@pytest.fixture
def bureau(db, world):
    org, _user = _bureau("series", 3)
    # a meeting at 23:30 local time: its day is the local one, not UTC's (the day before)
    from datetime import datetime

    from django.utils import timezone

    late = timezone.make_aware(datetime(2023, 3, 31, 23, 30))
    meeting = MeetingFactory(organisation=org.children.first(), held_at=late)
    StudySessionFactory(organisation=org.children.first(), meeting=meeting, held_on=date(2023, 3, 31))
    _ledgers(org.children.first())
    return org


def _ledgers(branch):
    """Care, service and honours records on the edges: their figures have days to be held to."""
    for n, day in enumerate(EDGES):
        CareVisitFactory(organisation=branch, visited_on=day, headcount=n + 1, money=Decimal("33.35"))
        CareVisitFactory(organisation=branch, visited_on=day, category="student_family")
        RetireeCallFactory(organisation=branch, month=day.replace(day=1))
        drive = DonationDriveFactory(organisation=branch, started_on=day)
        DonationFactory(drive=drive, given_on=day, amount=Decimal("10.10"))
        DonationFactory(drive=drive, given_on=day, donor=None, donor_name="校友", amount=Decimal("0.20"))
        event = VolunteerEventFactory(organisation=branch, held_on=day)
        ParticipationFactory(event=event, hours=Decimal("1.5"))
        TutoringSessionFactory(organisation=branch, held_on=day, minutes=25 + n, students=n + 1)
        AssistanceVisitFactory(pair__organisation=branch, visited_on=day, money=Decimal("50.05"))
        LiaisonContactFactory(liaison__organisation=branch, contacted_on=day)
        PartnerSessionFactory(partner__organisation=branch, partner__opened_on=day, held_on=day)
        HonourFactory(organisation=branch, awarded_on=day)
        _membership(branch, day)
        CompetitionRoundFactory(organisation=branch, held_on=day)
        notice = NoticeFactory(organisation=branch, kind="notice", publish_from=day, publish_until=day)
        ObjectionFactory(
            notice=notice, organisation=branch, received_on=day, answered_on=day if n % 2 else None
        )
        AppraisalFactory(organisation=branch, decision="excellent" if n % 2 else "qualified", decided_on=day)
    _dues(branch)
    _newer_ledgers(branch)


def _newer_ledgers(branch):
    """Talks, voice, pledges, awards and surveys on the edges."""
    for n, day in enumerate(EDGES):
        TalkFactory(organisation=branch, held_on=day)
        ConsultationFactory(organisation=branch, opens_on=day, closes_on=day)
        AnswerFactory(consultation__organisation=branch, answered_on=day)
        SuggestionFactory(
            organisation=branch, received_on=day, status="adopted", answered_on=day + timedelta(n * 20)
        )
        _pledges(branch, day)
        edge_steps(branch, day)
        campaign = AwardCampaignFactory(organisation=branch, published_on=day)
        AwardNominationFactory(kind__campaign=campaign, won=True)
        SurveyAnswerFactory(question__survey__organisation=branch, response__answered_on=day)


def _dues(branch):
    """A member owing from 2022 on, paying on the edges (one 补交 of seven months flagged), and
    voluntary payments on the same days."""
    payer = PersonFactory(organisation=branch, name="石磊")
    dues_helpers.base(payer, "4322.50", month=date(2022, 1, 1))
    for n, day in enumerate(EDGES):
        months = [date(2022, n + 1, 1)] if n else [date(2022, 6 + k, 1) for k in range(7)]
        dues_helpers.paid(payer, months, paid_on=day, long_back=not n)
        dues_helpers.paid(payer, [], amount="0.10", paid_on=day, kind="voluntary")


def _pledges(branch, day):
    """A pledge made on the edge day, with an item closed on it."""
    pledge = PledgeFactory(organisation=branch, starts_on=day, ends_on=day)
    PledgeItemFactory(pledge=pledge, due_on=day, closed_on=day, verifier=pledge.person)


def test_the_registry_has_flows_with_a_day():
    codes = {spec.code for spec in WITH_DAY}
    assert {"meetings.held", "study.sessions", "study.present_members", "people.new_probationary"} <= codes


@pytest.mark.parametrize("spec", WITH_DAY, ids=lambda s: s.code)
def test_series_is_compute_period_by_period(bureau, world, spec):
    periods = _periods()
    for org in (bureau, world.branch, world.bureau_org):
        expected = [figures.compute(spec.code, org, p).value for p in periods]
        assert figures.series(spec.code, org, periods) == expected, (spec.code, org.code)


@pytest.mark.parametrize("spec", WITH_SERIES, ids=lambda s: s.code)
def test_a_series_hook_is_compute_period_by_period(bureau, world, spec):
    periods = _periods()
    for org in (bureau, world.branch):
        expected = [figures.compute(spec.code, org, p).value for p in periods]
        assert figures.series(spec.code, org, periods) == expected, (spec.code, org.code)


def test_the_comparisons_above_have_numbers_to_compare(bureau):
    """The city is not so empty that every series would be a row of zeros."""
    nonzero = {spec.code for spec in WITH_DAY if any(figures.series(spec.code, bureau, _periods()))}
    assert len(nonzero) >= 10, nonzero


@pytest.mark.parametrize(
    ("code", "params"),
    [("meetings.held", {"kind": "general_meeting"}), ("study.sessions", {"form": "party_lecture"})],
)
def test_series_takes_the_figures_parameters(bureau, code, params):
    periods = list(YEAR.months())
    expected = [figures.compute(code, bureau, p, **params).value for p in periods]
    assert figures.series(code, bureau, periods, **params) == expected
    assert sum(expected) > 0


def test_the_late_meeting_counts_on_its_local_day(bureau):
    march, april = Period.month(2023, 3), Period.month(2023, 4)
    assert figures.series("meetings.held", bureau, [march, april]) == [
        figures.compute("meetings.held", bureau, march).value,
        figures.compute("meetings.held", bureau, april).value,
    ]


@pytest.mark.parametrize("spec", WITH_DAY, ids=lambda s: s.code)
def test_a_series_is_one_query_however_many_periods(bureau, spec):
    many = list(YEAR.months()) + [Period.span(YEAR.start + timedelta(days=n), YEAR.end) for n in range(20)]
    figures.series(spec.code, bureau, many)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        figures.series(spec.code, bureau, many)
    assert len(ctx.captured_queries) <= 2, spec.code  # the subtree is a subquery, or one lookup


@pytest.mark.parametrize("spec", WITH_DAY, ids=lambda s: s.code)
def test_within_a_unit_of_work_a_span_read_serves_the_spans_inside_it(bureau, spec):
    """The dashboard's monthly chart reads the year's days; its cards (the month so far against the
    same days of the month before) then read no more days, and give what they give alone."""
    from zhibu.core import memo

    march, february = (
        Period.span(date(2023, 3, 1), date(2023, 3, 8)),
        Period.span(date(2023, 2, 1), date(2023, 2, 8)),
    )
    figures.series(spec.code, bureau, [march])  # warm per-process caches
    with CaptureQueriesContext(connection) as read:
        alone = figures.series(spec.code, bureau, [march, february])
    outside = Period.span(date(2022, 12, 20), date(2023, 1, 5))
    with memo.memoised():
        months = figures.series(spec.code, bureau, list(YEAR.months()))
        with CaptureQueriesContext(connection) as shared:
            assert figures.series(spec.code, bureau, [march, february]) == alone
        assert len(shared) == len(read) - 1  # the grouped days: not read again
        assert figures.series(spec.code, bureau, [outside]) == [
            figures.compute(spec.code, bureau, outside).value
        ]
    assert months == [figures.compute(spec.code, bureau, p).value for p in YEAR.months()]


def test_figures_without_a_day_are_computed_period_by_period(bureau):
    periods = list(YEAR.months())[:3]
    expected = [figures.compute("people.members", bureau, p).value for p in periods]
    assert figures.series("people.members", bureau, periods) == expected
    assert figures.series("people.members", bureau, []) == []


def test_a_figure_with_a_day_is_a_flow():
    with pytest.raises(ValueError, match="flow"):
        figures.register("fake.bad", label="坏", unit="次", day="since", flow=False)(lambda org, p: None)
    assert "fake.bad" not in {s.code for s in figures.all()}


def _membership(branch, day):
    """Transfers and elections on the edges (their figures count by the transfer's and the election's day)."""
    from zhibu.elections.tests.factories import ElectionFactory, ResultFactory
    from zhibu.people.tests.factories import TransferFactory

    TransferFactory(organisation=branch, transferred_on=day)
    TransferFactory(organisation=branch, direction="in", transferred_on=day)
    election = ElectionFactory(organisation=branch, held_on=day)
    ResultFactory(election=election)
    ResultFactory(
        election=ElectionFactory(organisation=branch, kind="by_election", held_on=day, term=election.term)
    )
