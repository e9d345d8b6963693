"""Study reads over a whole subtree, grouped by organisation in the database, for the rules and
figures that judge every branch at once: a fixed number of queries whatever the number of branches
or members. Keys carry the organisation the records belong to; `core.branches` says which branch
each organisation lies in."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    Q,
    QuerySet,
    Sum,
)

from zhibu.core import memo
from zhibu.core.branches import Branches
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.meetings import selectors as meeting_selectors
from zhibu.people import selectors as people_selectors

from .models import NoteCheck, ReadingRecord, SelfStudyDone, StudyAttendance, StudyForm, StudyNote
from .selectors import hour_sources, members_of, sessions_of

ZERO = Decimal("0")


def _hour_sources(org: Organisation, start: date, end: date) -> list[tuple[QuerySet, str, str]]:
    """(rows, organisation field, hours field) of what counts as 学时 between start and end in org's
    subtree: sessions attended (standalone and meeting-linked) and self-study done — what
    `selectors.with_hours` sums one person at a time."""
    sessions = sessions_of(org, start, end)
    own = StudyAttendance.objects.filter(
        status=StudyAttendance.Status.PRESENT, session__in=sessions.values("pk")
    )
    linked = (
        meeting_selectors.attendance_for(sessions.values("meeting"))
        .filter(status="present")
        .select_related(None)
    )
    selfstudy = SelfStudyDone.objects.filter(
        task__organisation__in=org.subtree(), done_on__range=(start, end)
    )
    return [
        (own, "session__organisation", "session__hours"),
        (linked, "meeting__study_session__organisation", "meeting__study_session__hours"),
        (selfstudy, "task__organisation", "task__hours"),
    ]


@memo.shared
def hours_by_org_person(org: Organisation, start: date, end: date) -> dict[tuple[int, int], Decimal]:
    """{(organisation id, person id): 学时} between start and end over org's subtree: three grouped
    sums, whatever the number of branches and people."""
    hours: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    for rows, org_field, hours_field in _hour_sources(org, start, end):
        grouped = rows.order_by().values_list(org_field, "person").annotate(total=Sum(hours_field))
        for org_id, person_id, total in grouped:
            hours[(org_id, person_id)] += total or ZERO
    return dict(hours)  # shared: a reader's missing key must not add one


def hours_by_person_day(org: Organisation, start: date, end: date) -> dict[tuple[int, date], Decimal]:
    """{(person id, day): 学时} between start and end over org's subtree: three grouped sums (the
    sources of selectors.hour_sources, each on its own day)."""
    found: dict[tuple[int, date], Decimal] = defaultdict(lambda: ZERO)
    for source in hour_sources(org, start, end):
        rows = (
            source.rows.order_by()
            .annotate(hours_day=source.day)
            .values("person", "hours_day")
            .annotate(total=Sum(source.hours))
            .values_list("person", "hours_day", "total")
        )
        for person_id, day, total in rows:
            found[(person_id, day)] += total or ZERO
    return dict(found)


def total_hours(org: Organisation, start: date, end: date, people: QuerySet) -> Decimal:
    """The 学时 of `people` between start and end in org's subtree: the `study.hours` figure's value,
    from the grouped sums (shared with the hours rule within a unit of work). Not a SUM filtered by
    `person IN (people)` in the database: SQLite probed every session's rows once per member (3 s
    over a bureau's year)."""
    wanted = set(people.values_list("pk", flat=True))
    hours = hours_by_org_person(org, start, end)
    return sum((total for (_org_id, person_id), total in hours.items() if person_id in wanted), ZERO)


def hours_by_branch(
    under: Branches, org: Organisation, start: date, end: date
) -> dict[tuple[int, int], Decimal]:
    """{(branch id, person id): 学时 counted in the branch's subtree}."""
    per_branch: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    for (org_id, person_id), total in hours_by_org_person(org, start, end).items():
        for branch in under.containing(org_id):
            per_branch[(branch.pk, person_id)] += total
    return per_branch


def members_by_branch(under: Branches, org: Organisation, day: date) -> dict[int, list[tuple[int, str, int]]]:
    """{branch id: (pk, name, organisation id) of its serving members on `day`}, in one query over the
    subtree (pk order). Rows, not people: a bureau's quota rules judge every member of the city and
    name only those short of it (findings.Ref)."""
    members = members_of(org, day).order_by("pk").values_list("pk", "name", "organisation_id")
    return under.group(members, lambda row: row[2])


def officers_by_branch(under: Branches, day: date) -> dict[int, set[int]]:
    """{branch id: person ids of its secretary and committee on `day`}: `selectors.officer_ids` for
    every branch in one query."""
    found: dict[int, set[int]] = defaultdict(set)
    for org_id, person_id in people_selectors.committees_on(under.ids, day).values_list(
        "organisation", "person"
    ):
        found[org_id].add(person_id)
    return found


def books_by_branch(under: Branches, org: Organisation, term_starts: list[date]) -> dict[int, dict]:
    """{branch id: {(person id, term start): books}} — `selectors.books_by_person` for every branch;
    a branch with no reading record in those terms has no entry."""
    rows = (
        ReadingRecord.objects.filter(organisation__in=org.subtree(), term_start__in=term_starts)
        .order_by()
        .values_list("organisation", "person", "term_start")
        .annotate(n=Count("pk"))
    )
    books: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for org_id, person_id, term_start, n in rows:
        for branch in under.containing(org_id):
            books[branch.pk][(person_id, term_start)] += n
    return books


def checked_months_by_branch(under: Branches, org: Organisation, start: date, end: date) -> dict[int, set]:
    """{branch id: months with a note check in its subtree} — `selectors.checked_months` per branch."""
    rows = (
        NoteCheck.objects.filter(organisation__in=org.subtree(), month__range=(start, end))
        .order_by()
        .values_list("organisation", "month")
        .distinct()
    )
    checked: dict[int, set] = defaultdict(set)
    for org_id, month in rows:
        for branch in under.containing(org_id):
            checked[branch.pk].add(month)
    return checked


def branches_with_notes(under: Branches, org: Organisation, start: date, end: date) -> set[int]:
    """The branches of `under` with a study note of a month between start and end: the ones that
    keep the practice the monthly check presupposes. One query."""
    rows = (
        StudyNote.objects.filter(organisation__in=org.subtree(), month__range=(start, end))
        .order_by()
        .values_list("organisation", flat=True)
        .distinct()
    )
    return {branch.pk for org_id in rows for branch in under.containing(org_id)}


def lecture_subjects(org: Organisation, start: date, end: date) -> list[str]:
    """The subjects of the 党课 held in study between start and end, the most frequent first ("" for
    lectures recorded without one): a document names each."""
    rows = (
        sessions_of(org, start, end)
        .filter(form=StudyForm.PARTY_LECTURE)
        .order_by()
        .values("subject")
        .annotate(n=Count("pk"))
        .order_by("-n", "subject")
    )
    return [row["subject"] for row in rows]


@memo.shared
def session_counts(org: Organisation, period: Period) -> dict[tuple[str, bool], int]:
    """{(form, recorded without a subject): sessions_of(org, period)} in one grouped query: the
    counts of every form a document names."""
    untitled = ExpressionWrapper(Q(subject=""), output_field=BooleanField())
    rows = (
        sessions_of(org, period.start, period.end)
        .order_by()
        .annotate(untitled=untitled)
        .values_list("form", "untitled")
        .annotate(n=Count("pk"))
    )
    return {(form, bool(no_subject)): n for form, no_subject, n in rows}


def counts_by_form(org: Organisation, period: Period) -> dict[str, int]:
    """The period's sessions counted by form (the study page), from the same grouped query."""
    counts: dict[str, int] = defaultdict(int)
    for (form, _untitled), n in session_counts(org, period).items():
        counts[form] += n
    return dict(counts)
