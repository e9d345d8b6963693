"""Reads of the mentoring ledger. Lists filter to the readable cases in SQL (access.readable_q);
a single case goes through policy.require, so the object rule decides and a case of another
branch is a 404. Reading case content writes its audit entry in the view (services.record_read)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_in_scope, get_permitted
from zhibu.core.strokes import name_sort_key
from zhibu.meetings import selectors as meeting_selectors
from zhibu.people.selectors import members_on

from . import access
from .models import (
    CaseAccessGrant,
    CaseReview,
    LogAttachment,
    LogRevision,
    MentoringCase,
    MentoringLog,
    MentoringSettings,
    Student,
)

if TYPE_CHECKING:
    from zhibu.meetings.models import Meeting


def settings_for(org: Organisation) -> MentoringSettings:
    """The branch's settings row, or an unsaved one carrying the defaults."""
    found = MentoringSettings.objects.filter(organisation=org).first()
    return found or MentoringSettings(organisation=org)


def _with_grant_flag(qs: QuerySet[MentoringCase], user) -> QuerySet[MentoringCase]:
    return qs.annotate(granted_flag=access.active_grant_exists(user))


def cases_readable(user) -> QuerySet[MentoringCase]:
    qs = _with_grant_flag(MentoringCase.objects.all(), user)
    return qs.filter(access.readable_q(user)).select_related("student", "mentor", "organisation")


def cases_reviewable(user) -> QuerySet[MentoringCase]:
    qs = _with_grant_flag(MentoringCase.objects.all(), user)
    return qs.filter(access.reviewable_q(user)).select_related("student", "mentor", "organisation")


def case_get(user, pk: int, perm: str = access.VIEW) -> MentoringCase:
    """404 outside the user's scope, 403 inside it without access to this case."""
    return get_permitted(
        user, MentoringCase.objects.select_related("student", "mentor", "organisation"), pk, perm
    )


def active_in(qs: QuerySet[MentoringCase], start: date, end: date) -> QuerySet[MentoringCase]:
    """Cases running at some point between start and end."""
    return qs.filter(started_on__lte=end).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))


def schemes_active(org: Organisation, start: date, end: date) -> list[tuple[str, str]]:
    """(scheme, student kind) of the cases running between start and end, the most frequent first:
    one grouped query, no case read — what a document names ("包教问题学生", "双联学困生")."""
    rows = (
        active_in(MentoringCase.objects.filter(organisation__in=org.subtree()), start, end)
        .order_by()
        .values("scheme", "student_kind")
        .annotate(n=Count("pk"))
        .order_by("-n", "scheme", "student_kind")
    )
    return [(row["scheme"], row["student_kind"]) for row in rows]


def case_list(user, org: Organisation | None = None, status: str = "") -> QuerySet[MentoringCase]:
    qs = cases_readable(user)
    if org is not None:
        qs = qs.filter(organisation=org)
    today = timezone.localdate()
    if status == "active":
        qs = active_in(qs, today, today)
    elif status == "ended":
        qs = qs.filter(ended_on__lt=today)
    return qs.annotate(log_count=Count("logs"), last_log=Max("logs__on")).order_by("-started_on", "pk")


def booklet_choices(user, org: Organisation) -> QuerySet[MentoringCase]:
    """Every case of the branch the user may read, by mentor: the booklet's tick list."""
    return case_list(user, org=org, status="all").order_by("mentor__name", "started_on")


def case_reviews(case: MentoringCase) -> QuerySet[CaseReview]:
    """The case's latest monthly reviews (a year of them), newest first."""
    return case.reviews.select_related("reviewer__person").order_by("-month")[:12]


def case_logs(case: MentoringCase, dimension: str = "") -> QuerySet[MentoringLog]:
    qs = case.logs.select_related("author").prefetch_related("attachments")
    # An aggregate drops Meta.ordering (GROUP BY), so the order is said again.
    qs = qs.annotate(revision_count=Count("revisions")).order_by("-on", "-pk")
    return qs.filter(dimension=dimension) if dimension else qs


def _logs():
    return MentoringLog.objects.select_related(
        "organisation", "author__person", "case__student", "case__mentor", "case__organisation"
    )


def log_get(user, pk: int) -> MentoringLog:
    """A log to read: readable exactly when its case is (404 outside the scope, 403 inside)."""
    log = get_in_scope(user, _logs(), pk)
    policy.require(user, access.VIEW, log.case)
    return log


def log_get_for_edit(user, pk: int) -> MentoringLog:
    """A log to rewrite: access.can_edit_log decides (its author or the secretary)."""
    return get_permitted(user, _logs(), pk, access.LOG_EDIT)


def log_revisions(log: MentoringLog) -> QuerySet[LogRevision]:
    """The log's previous versions, newest first."""
    return log.revisions.select_related("changed_by__person")


def review_rows(user, org: Organisation, month: Period) -> QuerySet[MentoringCase]:
    """Every active case of the month the user may review, with the month's log count, the last
    log date and the month's review, in a constant number of queries."""
    qs = active_in(cases_reviewable(user).filter(organisation=org), month.start, month.end)
    reviews = CaseReview.objects.filter(month=month.start).select_related("reviewer__person")
    return (
        qs.annotate(
            month_logs=Count("logs", filter=Q(logs__on__range=month.bounds)),
            last_log=Max("logs__on", filter=Q(logs__on__lte=month.end)),
        )
        .prefetch_related(Prefetch("reviews", queryset=reviews, to_attr="month_reviews"))
        .order_by("student__sequence")
    )


def branches_managed(user) -> QuerySet[Organisation]:
    return policy.orgs_readable(user, access.MANAGE)


def students_of(org: Organisation) -> QuerySet[Student]:
    return Student.objects.filter(organisation=org).annotate(case_count=Count("cases")).order_by("sequence")


def students_choosable(org: Organisation) -> QuerySet[Student]:
    """Students a new case may be about: the branch's, less the anonymised."""
    return students_of(org).filter(anonymised_at__isnull=True)


def student_get(user, pk: int) -> Student:
    return get_permitted(user, Student.objects.all(), pk, access.MANAGE)


def mentors_available(org: Organisation) -> list[Person]:
    """Serving party members of the branch, 按姓氏笔画."""
    people = members_on(org, timezone.localdate()).filter(organisation=org)
    return sorted(people, key=lambda p: name_sort_key(p.name))


def grants_of(case: MentoringCase) -> QuerySet[CaseAccessGrant]:
    return case.grants.select_related("user__person", "granted_by__person").order_by("-granted_at")


def grant_get(user, pk: int) -> CaseAccessGrant:
    return get_permitted(user, CaseAccessGrant.objects.select_related("case"), pk, access.MANAGE)


def seminars_available(org: Organisation) -> QuerySet[Meeting]:
    return meeting_selectors.meetings_of(org)[:50]


def case_seminars(case: MentoringCase) -> QuerySet[Meeting]:
    return case.seminars.all().order_by("-held_at")


def booklet_cases(user, org: Organisation, ids: list[int] | None = None) -> QuerySet[MentoringCase]:
    qs = cases_readable(user).filter(organisation=org)
    if ids:
        qs = qs.filter(pk__in=ids)
    return qs.prefetch_related(
        Prefetch("logs", queryset=MentoringLog.objects.order_by("on", "pk"), to_attr="ordered_logs")
    )


def mentor_get(org: Organisation, pk: int) -> Person:
    """A mentor chosen on a form: someone of the branch (404 otherwise)."""
    return get_object_or_404(Person.objects.filter(organisation=org), pk=pk)


def grantable_users(org: Organisation) -> list:
    """Accounts holding a mentoring role on the branch (a grant to anyone else could never open
    the case, because the role check comes first), 按姓氏笔画."""
    from zhibu.core.models import RoleGrant, User

    user_ids = RoleGrant.objects.filter(organisation=org, role__in=policy.roles_with(access.VIEW)).values(
        "user_id"
    )
    users = User.objects.filter(pk__in=user_ids, is_active=True).select_related("person")
    return sorted(users, key=lambda u: name_sort_key(u.display_name))


def seminar_get(org: Organisation, pk: int) -> Meeting:
    """A meeting chosen as a case's seminar: one of the branch's own (404 otherwise)."""
    return get_object_or_404(meeting_selectors.meetings_of(org), pk=pk)


def attachment_get(user, pk: int) -> LogAttachment:
    """An attachment is readable exactly when its case is."""
    qs = LogAttachment.objects.select_related("log__case__student", "log__case__organisation")
    attachment = get_in_scope(user, qs, pk)
    policy.require(user, access.VIEW, attachment.log.case)
    return attachment


def mentions_student(org: Organisation, text: str) -> bool:
    """Whether `text` names a student (real name or pseudonym) of org's subtree — for the 党务公开
    board, which must publish nothing about a student. Answers yes or no only, so no student row
    leaves this app; one query (names are encrypted, so they are compared after decryption)."""
    if not text:
        return False
    students = Student.objects.filter(organisation__in=org.subtree()).only("name", "pseudonym")
    return any(
        (s.name and len(s.name.strip()) >= 2 and s.name.strip() in text)
        or (s.pseudonym and s.pseudonym in text)
        for s in students
    )
