"""Reads of the study ledger. Views start from the user's scope (`*_visible`); figures and rules
start from an organisation (`*_of`). Per-member numbers come from grouped queries, never a query
per member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.lean import local_date
from zhibu.core.models import Organisation, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import Period
from zhibu.core.selectors import get_in_scope, get_permitted
from zhibu.core.strokes import name_sort_key
from zhibu.meetings import selectors as meeting_selectors
from zhibu.people import selectors as people_selectors

from .models import (
    NoteCheck,
    ReadingRecord,
    SelfStudyDone,
    SelfStudyTask,
    StudyAttendance,
    StudyNote,
    StudySession,
    StudySettings,
)

if TYPE_CHECKING:
    from zhibu.meetings.models import Meeting

HOURS_FIELD = DecimalField(max_digits=8, decimal_places=1)
ZERO = Decimal("0")


# -- sessions ----------------------------------------------------------------------------------
# An attendance row's day: its session's (the linked meeting's local date, else the session's own).
ATTENDANCE_DAY = Coalesce(local_date("session__meeting__held_at"), "session__held_on")


def with_day(qs: QuerySet[StudySession]) -> QuerySet[StudySession]:
    """Annotate `day`: the linked meeting's date, else the session's own. Filters and ordering use it."""
    return qs.select_related("meeting", "speaker", "organisation").annotate(
        day=Coalesce(local_date("meeting__held_at"), "held_on")
    )


def sessions_of(org: Organisation, start: date, end: date) -> QuerySet[StudySession]:
    qs = StudySession.objects.filter(organisation__in=org.subtree())
    return with_day(qs).filter(day__range=(start, end)).order_by("day", "pk")


def sessions_visible(user) -> QuerySet[StudySession]:
    orgs = policy.orgs_readable(user, "study.view")
    return with_day(StudySession.objects.filter(organisation__in=orgs)).order_by("-day", "-pk")


def session_get(user, pk: int, perm: str = "study.view") -> StudySession:
    return get_permitted(user, with_day(StudySession.objects.all()), pk, perm)


def session_attendance(session: StudySession) -> list:
    """Attendance rows of a session: the meeting's when linked, its own otherwise; 按姓氏笔画."""
    if session.meeting_id:
        rows = meeting_selectors.attendance_of(session.meeting)
    else:
        rows = session.attendance.select_related("person")
    return sorted(rows, key=lambda row: name_sort_key(row.person.name))


def session_list(org: Organisation, period: Period, form: str = "") -> QuerySet[StudySession]:
    """The study page's rows: the period's sessions (of one form, when given), newest first."""
    sessions = sessions_of(org, period.start, period.end)
    return (sessions.filter(form=form) if form else sessions).order_by("-day", "-pk")


def present_ids(session: StudySession) -> list[int]:
    """Who the session's own attendance has present (the edit form's ticks)."""
    return list(session.attendance.filter(status="present").values_list("person_id", flat=True))


def meetings_linkable(org: Organisation) -> QuerySet[Meeting]:
    """The branch's meetings not yet recorded as a study session (newest first)."""
    return meeting_selectors.meetings_of(org).filter(study_session__isnull=True)


def has_linkable_meetings(org: Organisation) -> bool:
    return meetings_linkable(org).exists()


# -- members and their hours -------------------------------------------------------------------
def members_of(org: Organisation, day: date) -> QuerySet[Person]:
    """Serving members (预备 + 正式, not retired) on `day`: the people study quotas apply to."""
    return people_selectors.members_on(org, day).filter(is_retired=False)


def member_choices(org: Organisation) -> QuerySet[Person]:
    """Current members of the branch (retired ones too: they attend), for pickers."""
    return (
        people_selectors.people_of(org)
        .filter(party_status__in=MEMBER_STATUSES)
        .exclude(left_on__lt=timezone.localdate())
        .order_by("name_pinyin", "pk")
    )


def officer_ids(branch: Organisation, day: date) -> set[int]:
    """Secretary and committee members of the branch on `day` (the higher study-hours target)."""
    return set(people_selectors.committee_on(branch, day).values_list("person_id", flat=True))


@dataclass(frozen=True)
class HourSource:
    """Rows that each earn `hours` for their `person` on `day` (a date expression)."""

    rows: QuerySet
    day: Any
    hours: str


def hour_sources(org: Organisation, start: date, end: date) -> list[HourSource]:
    """What earns 学时 between start and end — the one definition that both with_hours (a sum per
    person) and hours.hours_by (per person and week or month) add up: group sessions attended
    (standalone: the session's own sheet; linked to a meeting: the meeting's attendance) and
    completed self-study tasks, on the day of the session or of the completion."""
    sessions = sessions_of(org, start, end)
    own = StudyAttendance.objects.filter(status="present", session__in=sessions.values("pk"))
    linked = meeting_selectors.attendance_for(sessions.values("meeting")).filter(status="present")
    done = SelfStudyDone.objects.filter(task__organisation__in=org.subtree(), done_on__range=(start, end))
    return [
        HourSource(own, ATTENDANCE_DAY, "session__hours"),
        HourSource(
            linked.select_related(None), local_date("meeting__held_at"), "meeting__study_session__hours"
        ),
        HourSource(done, F("done_on"), "task__hours"),
    ]


def _sum_sub(qs: QuerySet, field: str) -> Coalesce:
    total = qs.order_by().values("person").annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total[:1], output_field=HOURS_FIELD), Value(ZERO), output_field=HOURS_FIELD)


def with_hours(people: QuerySet[Person], org: Organisation, start: date, end: date) -> QuerySet[Person]:
    """Annotate each person's 学时 between start and end (see hour_sources), in one query."""
    own, linked, selfstudy = (
        _sum_sub(source.rows.filter(person=OuterRef("pk")), source.hours)
        for source in hour_sources(org, start, end)
    )
    return people.annotate(own_hours=own, meeting_hours=linked, self_hours=selfstudy).annotate(
        study_hours=Coalesce("own_hours", ZERO)
        + Coalesce("meeting_hours", ZERO)
        + Coalesce("self_hours", ZERO)
    )


def sessions_attended(person: Person, start: date, end: date) -> QuerySet[StudySession]:
    own = StudyAttendance.objects.filter(person=person, status=StudyAttendance.Status.PRESENT)
    linked = meeting_selectors.attendance_for(meeting_selectors.meetings_of(person.organisation)).filter(
        person=person, status="present"
    )
    sessions = StudySession.objects.filter(organisation=person.organisation).filter(
        Q(pk__in=own.values("session")) | Q(meeting__in=linked.values("meeting"))
    )
    return with_day(sessions).filter(day__range=(start, end)).order_by("-day", "-pk")


# -- settings ----------------------------------------------------------------------------------
def settings_for(org: Organisation) -> StudySettings:
    """The branch's quotas, or an unsaved row with the defaults."""
    return StudySettings.objects.filter(organisation=org).first() or StudySettings(organisation=org)


def settings_by_org(orgs) -> dict[int, StudySettings]:
    orgs = list(orgs)
    stored = {s.organisation_id: s for s in StudySettings.objects.filter(organisation__in=orgs)}
    return {o.pk: stored.get(o.pk) or StudySettings(organisation=o) for o in orgs}


# -- self-study --------------------------------------------------------------------------------
def tasks_visible(user) -> QuerySet[SelfStudyTask]:
    orgs = policy.orgs_readable(user, "study.view")
    return (
        SelfStudyTask.objects.filter(organisation__in=orgs)
        .select_related("organisation")
        .annotate(done_count=Count("done"))
        .order_by("-assigned_on", "-pk")
    )


def task_list(user, org: Organisation) -> QuerySet[SelfStudyTask]:
    return tasks_visible(user).filter(organisation=org)


def done_of(task: SelfStudyTask) -> QuerySet[SelfStudyDone]:
    """Who marked the task done, in the order they did."""
    return task.done.select_related("person").order_by("done_on", "pk")


def task_get(user, pk: int, perm: str = "study.view") -> SelfStudyTask:
    return get_permitted(user, SelfStudyTask.objects.all(), pk, perm)


def tasks_of(org: Organisation, start: date, end: date) -> QuerySet[SelfStudyTask]:
    return SelfStudyTask.objects.filter(organisation__in=org.subtree(), assigned_on__range=(start, end))


def open_tasks_for(person: Person, today: date) -> QuerySet[SelfStudyTask]:
    """Tasks of her branch she has not marked done (assigned in the last school year or so)."""
    return (
        SelfStudyTask.objects.filter(organisation=person.organisation, assigned_on__lte=today)
        .exclude(done__person=person)
        .order_by("due_on", "pk")
    )


# -- reading -----------------------------------------------------------------------------------
def _members_records_visible(user, model, perm: str, day_field: str) -> QuerySet:
    """Members' own records (reading, notes) in the organisations the user reads with perm, newest
    first, with the member and her organisation."""
    return (
        model.objects.filter(organisation__in=policy.orgs_readable(user, perm))
        .select_related("person", "organisation")
        .order_by(f"-{day_field}", "-pk")
    )


def reading_visible(user) -> QuerySet[ReadingRecord]:
    return _members_records_visible(user, ReadingRecord, "study.view", "finished_on")


def reading_list(user, org: Organisation, term: Period) -> QuerySet[ReadingRecord]:
    return reading_visible(user).filter(organisation=org, term_start=term.start)


def reading_get(user, pk: int) -> ReadingRecord:
    return get_permitted(user, ReadingRecord.objects.select_related("person"), pk, "study.view")


def books_by_person(org: Organisation, term_starts: list[date]) -> dict[tuple[int, date], int]:
    """{(person_id, term_start): books}: one grouped query for any number of terms."""
    rows = (
        ReadingRecord.objects.filter(organisation__in=org.subtree(), term_start__in=term_starts)
        .values("person", "term_start")
        .annotate(n=Count("pk"))
    )
    return {(row["person"], row["term_start"]): row["n"] for row in rows}


def books_of(org: Organisation, start: date, end: date) -> QuerySet[ReadingRecord]:
    return ReadingRecord.objects.filter(organisation__in=org.subtree(), finished_on__range=(start, end))


# -- notes and checks --------------------------------------------------------------------------
def notes_visible(user) -> QuerySet[StudyNote]:
    return _members_records_visible(user, StudyNote, "study.people", "written_on")


def note_list(user, org: Organisation, month: date | None = None) -> QuerySet[StudyNote]:
    """The notes page's rows: the branch's notes, of one month when given."""
    notes = notes_visible(user).filter(organisation=org)
    return notes.filter(month=month) if month else notes


def note_get(user, pk: int) -> StudyNote:
    """Her own note, or anyone's for those who may see every member's study (study.people)."""
    note = get_in_scope(user, StudyNote.objects.select_related("person"), pk)
    if not (policy.has_perm(user, "study.people", note) or policy.has_perm(user, "study.own", note)):
        policy.require(user, "study.people", note)
    return note


def notes_of(org: Organisation, start: date, end: date) -> QuerySet[StudyNote]:
    return StudyNote.objects.filter(organisation__in=org.subtree(), written_on__range=(start, end))


def checks_of(org: Organisation, start: date, end: date) -> QuerySet[NoteCheck]:
    return NoteCheck.objects.filter(organisation__in=org.subtree(), month__range=(start, end))


def checked_months(org: Organisation, start: date, end: date) -> set[date]:
    return set(checks_of(org, start, end).order_by().values_list("month", flat=True).distinct())


def unchecked_notes(org: Organisation, start: date, end: date) -> QuerySet[StudyNote]:
    """Notes of months in range with no check of the writer for that month."""
    checked = NoteCheck.objects.filter(
        organisation=OuterRef("organisation"), person=OuterRef("person"), month=OuterRef("month")
    )
    return (
        StudyNote.objects.filter(organisation__in=org.subtree(), month__range=(start, end))
        .filter(~Exists(checked))
        .select_related("person")
    )


def month_sheet(org: Organisation, month: date) -> list[dict]:
    """The checker's sheet for one month: every serving member, her notes that month, her check."""
    end = Period.month(month.year, month.month).end
    members = people_selectors.sorted_by_strokes(members_of(org, end))
    # Only the dates and titles: the checker sees what was handed in, never a note's text or scan.
    handed_in: dict[int, list[dict]] = {p.pk: [] for p in members}
    notes = StudyNote.objects.filter(organisation=org, month=month).order_by("written_on", "pk")
    for row in notes.values("person", "written_on", "title"):
        handed_in.setdefault(row["person"], []).append(row)
    checks = {c.person_id: c for c in NoteCheck.objects.filter(organisation=org, month=month)}
    rows = [{"person": p, "note_list": handed_in[p.pk], "check": checks.get(p.pk)} for p in members]
    return [{**row, "notes": len(row["note_list"])} for row in rows]


# -- a member's own page -----------------------------------------------------------------------
def hours_target(org: Organisation, person: Person, day: date) -> Decimal:
    rules = settings_for(org)
    return rules.officer_hours if person.pk in officer_ids(org, day) else rules.member_hours


def member_overview(person: Person, today: date) -> dict:
    """Her study at a glance: this year's 学时 against the target, this term's books against the
    quota, open self-study tasks. A fixed number of queries, whatever her history."""
    org = person.organisation
    year = Period.year(today.year)
    row = with_hours(Person.objects.filter(pk=person.pk), org, year.start, year.end).first()
    term = Period.term_of(today)
    books = (
        list(ReadingRecord.objects.filter(person=person, term_start=term.start).order_by("finished_on", "pk"))
        if term
        else []
    )
    return {
        "year": year,
        "hours": row.study_hours if row else ZERO,
        "target": hours_target(org, person, today),
        "term": term,
        "books": books,
        "quota": settings_for(org).books_per_term,
        "open_tasks": list(open_tasks_for(person, today)),
    }


def notes_with_checks(notes: list[StudyNote]) -> list[tuple[StudyNote, NoteCheck | None]]:
    """Pair each note with the office's check of its writer's month (one query for the page)."""
    keys = {(n.person_id, n.month) for n in notes}
    checks = NoteCheck.objects.filter(
        person__in={p for p, _ in keys}, month__in={m for _, m in keys}
    ).select_related("checker")
    found = {(c.person_id, c.month): c for c in checks}
    return [(n, found.get((n.person_id, n.month))) for n in notes]


def person_get(user, pk: int) -> Person:
    """A member whose study page the user may open: her own, or anyone's with study.people."""
    person = get_in_scope(user, Person.objects.select_related("organisation"), pk)
    if person.pk != getattr(user, "person_id", None):
        policy.require(user, "study.people", person)
    return person


def notes_visible_to_owner(person: Person) -> QuerySet[StudyNote]:
    return StudyNote.objects.filter(person=person).select_related("person").order_by("-written_on", "-pk")


def reading_tally(org: Organisation, term: Period) -> list[dict]:
    """Every serving member's books in the term against the quota, 按姓氏笔画 (two queries)."""
    quota = settings_for(org).books_per_term
    books = books_by_person(org, [term.start])
    members = people_selectors.sorted_by_strokes(members_of(org, min(term.end, timezone.localdate())))
    return [
        {
            "person": p,
            "books": books.get((p.pk, term.start), 0),
            "short": books.get((p.pk, term.start), 0) < quota,
        }
        for p in members
    ]
