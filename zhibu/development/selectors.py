"""Reads of the development ledger. Views start from the user's scope; figures and rules from an
organisation's subtree. A whole subtree's pipeline is three queries (people, their steps, the
rules), judged in Python by intervals.py — never a query per person."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, QuerySet, Value, When

from zhibu.core import policy
from zhibu.core.lean import lean
from zhibu.core.models import Organisation, PartyStatus, Person
from zhibu.core.selectors import get_permitted
from zhibu.meetings import selectors as meeting_selectors
from zhibu.people import selectors as people_selectors

from . import intervals
from .models import DevelopmentRule, DevelopmentSettings, DevelopmentStep, Step

# Who stands in the pipeline, by the status the steps keep on the roster.
PIPELINE_STATUSES = (
    PartyStatus.APPLICANT,
    PartyStatus.ACTIVIST,
    PartyStatus.CANDIDATE,
    PartyStatus.PROBATIONARY,
)
STATUS_ORDER = Case(
    *(When(party_status=value, then=Value(n)) for n, value in enumerate(PIPELINE_STATUSES)),
    default=Value(len(PIPELINE_STATUSES)),
    output_field=IntegerField(),
)


# -- rules and settings --------------------------------------------------------------------------
def rules_all() -> QuerySet[DevelopmentRule]:
    return DevelopmentRule.objects.order_by("-effective_from", "pk")


def rulebook() -> intervals.RuleBook:
    """Every version of the rules — one query."""
    return intervals.RuleBook(DevelopmentRule.objects.order_by("effective_from", "pk"))


def settings_for(org: Organisation) -> DevelopmentSettings:
    """The branch's settings, or an unsaved row with the defaults."""
    return DevelopmentSettings.objects.filter(organisation=org).first() or DevelopmentSettings(
        organisation=org
    )


def window_years_by_org(org_ids) -> dict[int, int]:
    """{organisation id: its window in years} for the branches that stored one — one query."""
    return dict(
        DevelopmentSettings.objects.filter(organisation__in=list(org_ids)).values_list(
            "organisation_id", "window_years"
        )
    )


# -- steps ---------------------------------------------------------------------------------------
def _steps(qs: QuerySet[DevelopmentStep]) -> QuerySet[DevelopmentStep]:
    return qs.select_related("person", "organisation", "vote__meeting").prefetch_related("sponsors")


def steps_visible(user) -> QuerySet[DevelopmentStep]:
    return DevelopmentStep.objects.filter(organisation__in=policy.orgs_readable(user, "development.view"))


def step_get(user, pk: int, perm: str = "development.view") -> DevelopmentStep:
    return get_permitted(user, _steps(DevelopmentStep.objects.all()), pk, perm)


def person_get(user, pk: int, perm: str = "development.view") -> Person:
    """A person opened from the pipeline: 404 outside the scope, 403 without the permission."""
    return people_selectors.person_get(user, pk, perm)


def steps_of_person(person: Person) -> list[DevelopmentStep]:
    return list(_steps(DevelopmentStep.objects.filter(person=person)).order_by("day", "pk"))


def steps_of(org: Organisation, start: date, end: date, step: str | None = None) -> QuerySet[DevelopmentStep]:
    qs = DevelopmentStep.objects.filter(organisation__in=org.subtree(), day__range=(start, end))
    if step:
        qs = qs.filter(step=step)
    return qs.select_related("person").order_by("day", "pk")


def steps_by_person(
    person_ids, until: date | None = None, *, sponsors: bool = True
) -> dict[int, list[DevelopmentStep]]:
    """Each person's steps (dated up to `until`), oldest first — one query, and one more for their
    contacts and introducers unless `sponsors` is false."""
    qs = DevelopmentStep.objects.filter(person__in=person_ids).order_by("day", "pk")
    if until is not None:
        qs = qs.filter(day__lte=until)
    found: dict[int, list[DevelopmentStep]] = defaultdict(list)
    qs = qs.defer("evidence")
    for step in qs.prefetch_related("sponsors") if sponsors else qs:
        found[step.person_id].append(step)
    return found


# -- the pipeline --------------------------------------------------------------------------------
def pipeline_people(org: Organisation, *, stage: str = "") -> QuerySet[Person]:
    """Everyone in org's subtree standing in the pipeline (入党申请人 to 预备党员, still on the roster),
    by stage then 按姓氏笔画 — ordered and paged in the database."""
    statuses = [stage] if stage in PIPELINE_STATUSES else PIPELINE_STATUSES
    qs = people_selectors.people_of(org).filter(party_status__in=statuses, left_on__isnull=True)
    return (
        qs.select_related("organisation")
        .annotate(stage_order=STATUS_ORDER)
        .order_by("stage_order", "name_strokes", "pk")
    )


@dataclass
class Row:
    person: Person
    steps: list
    stage: str | None
    next: intervals.Next | None
    state: str  # overdue, eligible, waiting, none (no step on file)

    @property
    def stage_label(self) -> str:
        return Step(self.stage).label if self.stage else ""

    @property
    def last(self):
        return self.steps[-1] if self.steps else None


def pipeline_rows(people, today: date, book: intervals.RuleBook | None = None) -> list[Row]:
    """The pipeline's rows for these people (a page of them): stage, next step, eligible or due —
    two queries (their steps, the rules) whatever their number."""
    people = list(people)
    steps = steps_by_person([p.pk for p in people])
    book = book or rulebook()
    rows = []
    for person in people:
        mine = steps.get(person.pk, [])
        nxt = intervals.primary_next(intervals.next_steps(book, mine, today)) if mine else None
        state = nxt.state(today) if nxt else "none"
        rows.append(Row(person, mine, intervals.stage(mine), nxt, state))
    return rows


# -- choices for the step form ---------------------------------------------------------------------
def sponsor_choices(org: Organisation, day: date) -> QuerySet[Person]:
    """Full members of the branch on `day` (培养联系人, 入党介绍人), 按姓氏笔画."""
    return people_selectors.by_strokes(
        people_selectors.members_on(org, day).filter(status_then=PartyStatus.FULL)
    )


def full_members_on(org: Organisation, people, day: date) -> set[int]:
    """Which of `people` were full members of org's subtree on `day` — one query."""
    return set(
        people_selectors.members_on(org, day)
        .filter(status_then=PartyStatus.FULL, pk__in=[p.pk for p in people])
        .values_list("pk", flat=True)
    )


def vote_choices(org: Organisation):
    return meeting_selectors.general_votes_of(org)


def local_day(moment) -> date:
    return meeting_selectors.local_day(moment)


# -- figures and rules -----------------------------------------------------------------------------
def standing_on(org: Organisation, status: str, day: date) -> QuerySet[Person]:
    """People of org's subtree whose party status on `day` was `status` (the dated history), still
    on the roster that day, 按姓氏笔画."""
    qs = (
        people_selectors.people_of(org)
        .annotate(status_then=people_selectors.status_on(day))
        .filter(status_then=status)
        .exclude(left_on__lt=day)
    )
    return people_selectors.by_strokes(qs)


def probation_due(org: Organisation, day: date, book: intervals.RuleBook | None = None) -> list[Person]:
    """预备党员 of org's subtree on `day` whose 预备期 — one year from the 支部大会 (the day the
    status history made them probationary), plus any 延长预备期 — has ended by `day`: three queries
    (the people, their steps, the rules). Members admitted before the pipeline was kept count too."""
    people = list(
        standing_on(org, PartyStatus.PROBATIONARY, day).annotate(
            probationary_since=people_selectors.status_since_on(day)
        )
    )
    if not people:
        return []
    steps = steps_by_person([p.pk for p in people], until=day, sponsors=False)
    rules = (book or rulebook()).rules_to(Step.CONFIRMATION, day, DevelopmentRule.Kind.MAX)
    due = []
    for person in people:
        extra = intervals.extension_months(steps.get(person.pk, []))
        start = person.probationary_since
        if rules:
            ends = min(rule.after(start, extra) for rule in rules)
        else:  # no rule entered: the Party Constitution's 预备期 of one year
            ends = intervals.add_months(start, 12 + extra)
        if ends <= day:
            person.probation_ends = ends
            due.append(person)
    return due


def people_among(org: Organisation, ids) -> QuerySet[Person]:
    return people_selectors.by_strokes(people_selectors.people_of(org).filter(pk__in=list(ids)))


def open_steps(org: Organisation, day: date) -> dict[int, list[DevelopmentStep]]:
    """{person id: steps on file by `day`} for everyone of org's subtree in the pipeline then (a
    step on file, not 转正 by then, still on the roster) — two queries: the steps, then their people."""
    confirmed = DevelopmentStep.objects.filter(
        organisation__in=org.subtree(), step=Step.CONFIRMATION, day__lte=day
    ).values("person_id")
    qs = lean(
        DevelopmentStep.objects.filter(organisation__in=org.subtree(), day__lte=day)
        .exclude(person_id__in=confirmed)
        .exclude(person__left_on__lt=day)
        .order_by("day", "pk")
    ).defer("evidence")
    found: dict[int, list[DevelopmentStep]] = defaultdict(list)
    for step in qs:
        found[step.person_id].append(step)
    # each person once, not once per step (a city's pipeline is thousands of steps of a few
    # thousand people), cached on her steps as select_related would
    # (by a subquery: a list of ids would be split into several queries on SQLite past 999)
    people = {p.pk: p for p in lean(Person.objects.filter(pk__in=qs.values("person_id")))}
    holds = DevelopmentStep._meta.get_field("person")
    for person_id in list(found):
        if person_id not in people:  # removed between the two reads: gone with her steps
            del found[person_id]
            continue
        for step in found[person_id]:
            holds.set_cached_value(step, people[person_id])
    return found


def developed_branches(org: Organisation, start: date, end: date) -> list[tuple[int, date]]:
    """(organisation id, day) of every change to 预备党员 in org's subtree between the days — the
    roster's one history, which the 支部大会接收 steps write (and members entered before the
    pipeline was kept are in too). One query."""
    return list(
        people_selectors.status_changes(org, PartyStatus.PROBATIONARY, start, end)
        .select_related(None)
        .order_by()
        .values_list("organisation", "since")
        .distinct()
    )


def pipeline_standing(org: Organisation) -> QuerySet[Person]:
    """Everyone of org's subtree standing in the pipeline before admission (申请人, 积极分子, 发展对象)."""
    return pipeline_people(org).filter(
        party_status__in=[PartyStatus.APPLICANT, PartyStatus.ACTIVIST, PartyStatus.CANDIDATE]
    )


def awaiting_admission(org: Organisation, start: date, end: date) -> list[DevelopmentStep]:
    """支部委员会审查 steps in the days of people not yet put to the 支部大会, by name — one query."""
    admitted = DevelopmentStep.objects.filter(organisation__in=org.subtree(), step=Step.ADMISSION).values(
        "person_id"
    )
    return list(
        steps_of(org, start, end, Step.COMMITTEE_REVIEW)
        .exclude(person_id__in=admitted)
        .order_by("person__name_strokes", "pk")
    )
