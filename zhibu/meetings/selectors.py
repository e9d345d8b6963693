"""Reads of the meetings ledger, for its own views and for other ledgers (study, mentoring).

Every view query starts from the user's scope (`meetings_visible`); figures and rules start
from an organisation's subtree (`held_in`)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from zhibu.core import memo, policy
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.core.strokes import name_sort_key

from .models import Attachment, Attendance, CadenceRule, Meeting, MeetingType, MeetingVote


def attendance_for(meetings: QuerySet) -> QuerySet[Attendance]:
    """Attendance rows of the given meetings — a queryset of meetings or of their ids (other
    ledgers read attendance only through here)."""
    return Attendance.objects.filter(meeting__in=meetings).select_related("person")


# --- time ---------------------------------------------------------------------------------------
def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end+1 00:00) in local time, so the held_at index is used (no date cast)."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


# --- scope --------------------------------------------------------------------------------------
def meetings_visible(user, perm: str = "meetings.view") -> QuerySet[Meeting]:
    return Meeting.objects.filter(organisation__in=policy.orgs_readable(user, perm))


def meeting_get(user, pk: int, perm: str = "meetings.view") -> Meeting:
    """404 outside the user's scope (never confirms another branch's meeting exists), 403 without perm."""
    qs = Meeting.objects.select_related("organisation", "host", "recorder").annotate(late=_late())
    return get_permitted(user, qs, pk, perm)


def _late() -> ExpressionWrapper:
    """`late` on a meeting row: the 补录 mark the pages show, the same test as the figures and rules
    (history entered on purpose is not marked)."""
    return ExpressionWrapper(entered_late(), output_field=BooleanField())


def meetings_of(org: Organisation) -> QuerySet[Meeting]:
    """The branch's own meetings, newest first (pickers in other ledgers, e.g. mentoring seminars)."""
    return Meeting.objects.filter(organisation=org).order_by("-held_at", "-pk")


def meeting_list(org: Organisation, *, type_code: str = "", year: int | None = None) -> QuerySet[Meeting]:
    """The list page's rows: a fixed number of queries however many meetings (types prefetched).
    Attendance is not counted here — a Count over the whole subtree would group every meeting of
    the city before the page is cut; `with_attendance_counts` counts the page's rows only."""
    qs = (
        Meeting.objects.filter(organisation__in=org.subtree())
        .select_related("organisation", "host")
        .prefetch_related(Prefetch("types", queryset=MeetingType.objects.order_by("order")))
        .annotate(late=_late())
        .order_by("-held_at", "-pk")
    )
    if type_code:
        qs = qs.filter(types__code=type_code)
    if year:
        qs = qs.filter(held_at__range=day_bounds(date(year, 1, 1), date(year, 12, 31)))
    return qs


def with_attendance_counts(meetings) -> list[Meeting]:
    """The meetings (a page of them) with `n_present` and `n_expected` set, from one grouped query."""
    meetings = list(meetings)
    counts = {
        row["meeting"]: row
        for row in Attendance.objects.filter(meeting__in=[m.pk for m in meetings])
        .order_by()
        .values("meeting")
        .annotate(
            n_present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)),
            n_expected=Count("pk", filter=Q(is_guest=False)),
        )
    }
    for meeting in meetings:
        row = counts.get(meeting.pk, {})
        meeting.n_present = row.get("n_present", 0)
        meeting.n_expected = row.get("n_expected", 0)
    return meetings


def types_for(org: Organisation) -> QuerySet[MeetingType]:
    """Global types plus those added by org or one of its ancestors."""
    return MeetingType.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=org.ancestors()) | Q(organisation=org)
    ).order_by("order", "pk")


def types_of(meeting: Meeting) -> list[MeetingType]:
    return list(meeting.types.all())


def attendance_of(meeting: Meeting) -> list[Attendance]:
    rows = list(meeting.attendance.select_related("person"))
    return sorted(rows, key=lambda a: (a.is_guest, name_sort_key(a.person.name)))


def votes_of(meeting: Meeting) -> QuerySet[MeetingVote]:
    return meeting.votes.all()


def attachments_of(meeting: Meeting) -> QuerySet[Attachment]:
    return meeting.attachments.all()


def attachment_get(user, pk: int) -> Attachment:
    return get_permitted(
        user, Attachment.objects.select_related("meeting", "organisation"), pk, "meetings.view"
    )


def attendance_row_get(user, pk: int) -> Attendance:
    """One attendance row opened by id (the 回收站's removal): 404 outside the user's scope."""
    return get_permitted(
        user, Attendance.objects.select_related("meeting", "person", "organisation"), pk, "meetings.view"
    )


def attendance_get(meeting: Meeting, pk: int) -> Attendance:
    return get_object_or_404(meeting.attendance.select_related("person"), pk=pk)


def roster_choices(org: Organisation) -> QuerySet[Person]:
    """People who may appear on an attendance sheet or as host/recorder: org's subtree roster."""
    return Person.objects.filter(organisation__in=org.subtree(), left_on__isnull=True).order_by("name")


# --- figures and rules --------------------------------------------------------------------------
def entered_late(prefix: str = "") -> Q:
    """Meetings recorded a week or more after they were held — except history: what a branch held
    before the day it started using zhibu (Organisation.history_before) and enters now is not 补录.
    `prefix` reaches the meeting from another model ("meeting__")."""
    history_day = F(f"{prefix}organisation__history_before")
    return Q(**{f"{prefix}recorded_late": True}) & (
        Q(**{f"{prefix}organisation__history_before__isnull": True})
        | Q(**{f"{prefix}held_at__date__gte": history_day})
    )


def late_in(org: Organisation, period: Period) -> QuerySet[Meeting]:
    return held_in(org, period).filter(entered_late())


def held_in(org: Organisation, period: Period, type_code: str | None = None) -> QuerySet[Meeting]:
    """Meetings held in org's subtree within period; with a type, those counting for that type
    (a meeting of several types counts once for each)."""
    qs = Meeting.objects.filter(
        organisation__in=org.subtree(), held=True, held_at__range=_closed(period)
    ).order_by("held_at", "pk")
    if type_code:
        qs = qs.filter(types__code=type_code)
    return qs


@memo.shared
def counts_by_type(org: Organisation, period: Period) -> dict[str, int]:
    """{type code: meetings held_in(org, period, code)} for every type, one grouped query."""
    rows = held_in(org, period).order_by().values_list("types__code").annotate(n=Count("pk"))
    return {code: n for code, n in rows if code}


@memo.shared
def member_attendance(org: Organisation, period: Period) -> list[tuple[int, int, bool, int, int]]:
    """(meeting's organisation, person, retired, rows, present rows) of the members' attendance
    (列席 guests excluded) at the meetings held_in(org, period), counted by the database: the
    attendance rate and the low-participation rule read the same 300,000 rows of a bureau's year,
    once within a unit of work."""
    return list(
        attendance_for(held_in(org, period).values("pk"))
        .filter(is_guest=False)
        .select_related(None)
        .order_by()
        .values_list("meeting__organisation", "person", "person__is_retired")
        .annotate(expected=Count("pk"), present=Count("pk", filter=Q(status=Attendance.Status.PRESENT)))
    )


def types_held(org: Organisation, period: Period) -> list[tuple[str, str]]:
    """(code, name) of every type of the meetings held in the period, in the types' order: one
    query, so a document names each kind of meeting there is."""
    return list(
        MeetingType.objects.filter(meetings__in=held_in(org, period).order_by())
        .order_by("order", "code")
        .values_list("code", "name")
        .distinct()
    )


def _closed(period: Period) -> tuple[datetime, datetime]:
    start, end = day_bounds(period.start, period.end)
    return start, end - timedelta(microseconds=1)


def rules_for(org: Organisation) -> list[CadenceRule]:
    """Every rule that can bind org or its subtree: defaults, its ancestors' and its subtree's."""
    scope = (
        Q(organisation__isnull=True) | Q(organisation__in=org.ancestors()) | Q(organisation__in=org.subtree())
    )
    return list(
        CadenceRule.objects.filter(scope).select_related("meeting_type", "organisation").order_by("pk")
    )


def rules_visible(orgs: QuerySet[Organisation]) -> QuerySet[CadenceRule]:
    """Defaults and the rules of organisations the bureau user oversees."""
    return (
        CadenceRule.objects.filter(Q(organisation__isnull=True) | Q(organisation__in=orgs))
        .select_related("meeting_type", "organisation")
        .order_by("meeting_type__order", "organisation__path", "effective_from")
    )


def rule_branches(orgs: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """The branches among the organisations a bureau user sets cadence rules for."""
    return orgs.filter(kind=Organisation.Kind.BRANCH)


def global_types() -> QuerySet[MeetingType]:
    return MeetingType.objects.filter(organisation__isnull=True).order_by("order")


# --- votes other ledgers link to (发展党员's 支部大会讨论接收) ------------------------------------------
def general_votes_of(org: Organisation) -> QuerySet[MeetingVote]:
    """表决 recorded at held 支部党员大会 of org's subtree, newest first, with their meeting."""
    return (
        MeetingVote.objects.filter(
            organisation__in=org.subtree(), meeting__held=True, meeting__types__code="general_meeting"
        )
        .select_related("meeting")
        .order_by("-meeting__held_at", "-pk")
    )
