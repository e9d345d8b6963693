"""Reads of the roster: people in scope, members and staff on a day by the dated history, status
changes, the committee. Other ledgers read people only through these."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from zhibu.core import policy
from zhibu.core.lean import lean
from zhibu.core.models import (
    CommitteeTerm,
    Organisation,
    PartyStatus,
    PartyStatusChange,
    Person,
    Post,
    PostHolding,
)
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.selectors import get_permitted
from zhibu.core.strokes import name_sort_key

from .models import Direction, MarkKind, StatusMark, Transfer


def people_visible(user, perm: str = "people.view") -> QuerySet[Person]:
    return Person.objects.filter(organisation__in=policy.orgs_readable(user, perm)).select_related(
        "organisation"
    )


def person_get(user, pk: int, perm: str = "people.view") -> Person:
    """404 for anyone out of scope, 403 in it without perm on the person's organisation."""
    return get_permitted(user, Person.objects.all(), pk, perm)


def people_search(qs: QuerySet[Person], text: str) -> QuerySet[Person]:
    text = text.strip()
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(name_pinyin__icontains=text.lower().replace(" ", "")))


def people_list(org: Organisation, *, text: str = "", status: str = "") -> QuerySet[Person]:
    """The roster page's rows: org's subtree, matching the search text and the status filter
    ("members" for 预备 + 正式, or one status), 按姓氏笔画 — ordered and paged in the database by the
    stored stroke key, so a bureau's nine thousand people are never loaded to show twenty."""
    qs = people_search(people_of(org).select_related("organisation"), text)
    if status == "members":
        qs = qs.filter(party_status__in=[PartyStatus.PROBATIONARY, PartyStatus.FULL])
    elif status in PartyStatus.values:
        qs = qs.filter(party_status=status)
    return by_strokes(qs)


def status_history(person: Person) -> QuerySet[PartyStatusChange]:
    return person.status_changes.all()


def posts_of(person: Person) -> QuerySet[PostHolding]:
    return person.posts.select_related("term")


def sorted_by_strokes(people) -> list[Person]:
    """Official name lists are ordered 按姓氏笔画."""
    return sorted(people, key=lambda p: name_sort_key(p.name))


def by_strokes(qs: QuerySet[Person]) -> QuerySet[Person]:
    """按姓氏笔画 in the database (Person.name_strokes), the same order as sorted_by_strokes."""
    return qs.order_by("name_strokes", "pk")


def status_on(day: date) -> Subquery:
    """The party status each person held on `day`, from the dated history."""
    latest = PartyStatusChange.objects.filter(person=OuterRef("pk"), since__lte=day).order_by("-since", "-pk")
    return Subquery(latest.values("status")[:1])


def status_since_on(day: date) -> Subquery:
    """The day the status each person held on `day` began (the same latest change as status_on)."""
    latest = PartyStatusChange.objects.filter(person=OuterRef("pk"), since__lte=day).order_by("-since", "-pk")
    return Subquery(latest.values("since")[:1])


def people_of(org: Organisation) -> QuerySet[Person]:
    return Person.objects.filter(organisation__in=org.subtree())


def _arrived_after(day: date) -> Exists:
    """A transfer in dated after `day`: the person was not yet this branch's then (her earlier
    history was kept by another organisation)."""
    return Exists(
        Transfer.objects.filter(person=OuterRef("pk"), direction=Direction.IN, transferred_on__gt=day)
    )


def _suspended_on(day: date) -> Exists:
    """停止党籍 running on `day`: not counted as a member while it runs."""
    running = StatusMark.objects.filter(person=OuterRef("pk"), kind=MarkKind.SUSPENDED, started_on__lte=day)
    return Exists(running.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day)))


def members_on(org: Organisation, day: date) -> QuerySet[Person]:
    """Party members (预备 + 正式) of org's subtree on `day`, by the dated history, the left date, the
    arrival by a transfer in and 停止党籍 — one query (two NOT EXISTS), whatever the subtree."""
    return (
        people_of(org)
        .annotate(status_then=status_on(day))
        .filter(status_then__in=MEMBER_STATUSES)
        .exclude(left_on__lt=day)
        .exclude(_arrived_after(day))
        .exclude(_suspended_on(day))
    )


Absences = dict[int, list[tuple[str, date, date | None]]]
ARRIVAL = "arrival"


def _status_history(people: QuerySet[Person], first: date, last: date) -> tuple[dict, Absences]:
    """Each person's dated status changes up to `last`, oldest first, and what keeps her out of the
    member count on some day of first..last — a transfer in after `first` (not here before it),
    停止党籍 overlapping the span: one query (a UNION of the three tables), whatever the people."""
    ids = people.values("pk")
    text, day = CharField(), DateField()
    changes = (
        PartyStatusChange.objects.filter(person__in=ids, since__lte=last)
        .order_by()  # a part of a UNION takes no ORDER BY of its own (the model's default)
        .annotate(until=Value(None, output_field=day))
        .values_list("person", "since", "status", "until", "pk")
    )
    arrivals = (
        Transfer.objects.filter(person__in=ids, direction=Direction.IN, transferred_on__gt=first)
        .annotate(what=Value(ARRIVAL, output_field=text), until=F("transferred_on"))
        .values_list("person", "transferred_on", "what", "until", "pk")
    )
    stopped = (
        StatusMark.objects.filter(person__in=ids, kind=MarkKind.SUSPENDED, started_on__lte=last)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=first))
        .annotate(what=Value(MarkKind.SUSPENDED.value, output_field=text))
        .values_list("person", "started_on", "what", "ended_on", "pk")
    )
    history: dict[int, list[tuple[date, str]]] = {}
    absences: Absences = {}
    rows = changes.union(arrivals, stopped, all=True).order_by("since", "pk")
    for person_id, since, what, until, _pk in rows:
        if what == ARRIVAL or what == MarkKind.SUSPENDED:
            absences.setdefault(person_id, []).append((what, since, until))
        else:
            history.setdefault(person_id, []).append((since, what))
    return history, absences


def _absent(absences: list[tuple[str, date, date | None]], day: date) -> bool:
    for what, start, end in absences:
        if what == ARRIVAL and day < start:
            return True
        if what != ARRIVAL and start <= day and (end is None or day <= end):
            return True
    return False


class _History:
    """One person's dated statuses and absences, read once and asked about many days (a bureau's
    rule asks each member about every round or month of the year)."""

    __slots__ = ("left_on", "days", "statuses", "absences")

    def __init__(self, left_on: date | None, changes: list[tuple[date, str]], absences: list | None) -> None:
        self.left_on = left_on
        self.days = [since for since, _status in changes]
        self.statuses = [status for _since, status in changes]
        self.absences = absences

    def member_on(self, day: date) -> bool:
        """By the same reading as members_on: the latest change on or before the day (ties by pk),
        the left date, the arrival and 停止党籍."""
        if self.left_on is not None and self.left_on < day:
            return False
        if self.absences and _absent(self.absences, day):
            return False
        at = bisect_right(self.days, day)
        return bool(at) and self.statuses[at - 1] in MEMBER_STATUSES


def members_on_days(people: QuerySet[Person], days: Iterable[date]) -> dict[date, list[Person]]:
    """members_on for many days in two queries (the people; their history and absences): who among `people`
    was a member (预备 + 正式) on each day. Rules judging many weeks or months over a whole subtree
    use this instead of a query per day."""
    days = sorted(set(days))
    if not days:
        return {}
    people = people.exclude(left_on__lt=days[0])
    history, absences = _status_history(people, days[0], days[-1])
    result: dict[date, list[Person]] = {day: [] for day in days}
    # Each person comes with her organisation, one instance per organisation (a city's 9,000 people
    # live in 300: building one for each person was a third of a bureau's dues book).
    # (lean: a person's ID number and the timestamps are never read here, and cost most)
    orgs = Organisation.objects.filter(pk__in=people.order_by().values("organisation")).in_bulk()
    holds = Person._meta.get_field("organisation")
    for person in lean(people.select_related(None)):
        holds.set_cached_value(person, orgs[person.organisation_id])
        known = _History(person.left_on, history.get(person.pk, []), absences.get(person.pk))
        for day in days:
            if known.member_on(day):
                result[day].append(person)
    return result


def member_ids_on_each(
    root: Organisation, wanted: list[tuple[Organisation, date]], **filters
) -> dict[tuple[int, date], list[int]]:
    """{(org pk, day): the pks of members_on(org, day)} for many (organisation of root's subtree,
    day) pairs in two queries (the people; their dated history, arrivals and 停止党籍) whatever
    the number of pairs — a rule over a subtree whose branches each keep their own dates. Lists in
    pk order; `filters` narrow the people (is_retired=False). Ids, not people: a bureau's rule
    counts thousands of members and names only those it finds."""
    found: dict[tuple[int, date], list[int]] = {(o.pk, day): [] for o, day in wanted}
    if not wanted:
        return found
    by_code: dict[str, list[tuple[Organisation, date]]] = {}
    for org, day in dict.fromkeys(wanted):
        by_code.setdefault(org.code, []).append((org, day))
    first = min(day for _, day in wanted)
    last = max(day for _, day in wanted)
    candidates = people_of(root).filter(**filters).exclude(left_on__lt=first).order_by("pk")
    history, absences = _status_history(candidates, first, last)
    for pk, left_on, path in candidates.values_list("pk", "left_on", "organisation__path"):
        known = _History(left_on, history.get(pk, []), absences.get(pk))
        for code in path.strip("/").split("/"):
            for org, day in by_code.get(code, ()):
                if known.member_on(day):
                    found[(org.pk, day)].append(pk)
    return found


def staff_on(org: Organisation, day: date) -> QuerySet[Person]:
    return people_of(org).filter(is_staff_member=True, is_retired=False).exclude(left_on__lt=day)


def status_changes(org: Organisation, status: str, start: date, end: date) -> QuerySet[PartyStatusChange]:
    return PartyStatusChange.objects.filter(
        organisation__in=org.subtree(), status=status, since__range=(start, end)
    ).select_related("person")


def committee_on(org: Organisation, day: date) -> QuerySet[PostHolding]:
    return committees_on([org.pk], day).select_related("person")


def committees_on(org_ids, day: date) -> QuerySet[PostHolding]:
    """The posts held on `day` in each of the organisations (their own committees, not their
    subtrees'): one query for every branch a rule judges."""
    return PostHolding.objects.filter(organisation__in=org_ids, started_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )


def composition(org: Organisation, day: date) -> dict[str, int]:
    """Counts for the roster header: members, probationary, staff, retired members, activists —
    counted in the database (a bureau's roster is never loaded to count it)."""
    members = members_on(org, day).aggregate(
        members=Count("pk"),
        probationary=Count("pk", filter=Q(status_then=PartyStatus.PROBATIONARY)),
        retired_members=Count("pk", filter=Q(is_retired=True)),
        serving_members=Count("pk", filter=Q(is_retired=False, is_staff_member=True)),
    )
    staff = staff_on(org, day).count()
    in_service = members["serving_members"]
    return {
        **members,
        "staff": staff,
        "member_share_percent": round(100 * in_service / staff) if staff else 0,
    }


def terms_running_on(org_ids, day: date) -> QuerySet[CommitteeTerm]:
    """The committee term each of the organisations had on `day` (one query for every branch)."""
    return CommitteeTerm.objects.filter(organisation__in=org_ids, started_on__lte=day).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day)
    )


def committee_during(org: Organisation, start: date, end: date) -> QuerySet[PostHolding]:
    """The posts of org's own committee held on at least one day of start..end (e.g. a term)."""
    return committees_during([org.pk], start, end)


def committees_during(org_ids, start: date, end: date) -> QuerySet[PostHolding]:
    """committee_during for many organisations in one query (a rule judging every branch's
    committee over some months: 谈心谈话 quotas)."""
    return PostHolding.objects.filter(organisation__in=org_ids, started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )


# --- the committee page ---------------------------------------------------------------------------
# Posts in their official order (书记 first), not alphabetical by code.
POST_ORDER = Case(
    *(When(post=value, then=Value(n)) for n, value in enumerate(Post.values)), output_field=IntegerField()
)


def committee_terms(org: Organisation) -> QuerySet[CommitteeTerm]:
    """org's own terms, newest first, each with its holdings (posts in order, then by start) — two
    queries whatever the number of terms."""
    holdings = PostHolding.objects.select_related("person").order_by(POST_ORDER, "started_on", "pk")
    return CommitteeTerm.objects.filter(organisation=org).prefetch_related(Prefetch("holdings", holdings))


def current_term(org: Organisation) -> CommitteeTerm | None:
    """The term still running (no end date), the newest if the data holds more than one."""
    return (
        CommitteeTerm.objects.filter(organisation=org, ended_on__isnull=True).order_by("-started_on").first()
    )


def holding_get(user, pk: int, perm: str = "people.committee") -> PostHolding:
    """404 outside the user's scope, 403 in it without perm."""
    return get_permitted(user, PostHolding.objects.select_related("person", "term", "organisation"), pk, perm)


def committee_candidates(org: Organisation, day: date) -> QuerySet[Person]:
    """Who may be given a post: org's own members (预备 + 正式) on `day` who have not left, 按姓氏笔画."""
    return by_strokes(members_on(org, day).filter(organisation=org))


# --- transfers and 党籍 marks ---------------------------------------------------------------------
def is_member_on(person: Person, day: date) -> bool:
    """Was `person` a member of her branch on `day` (members_on's reading, one query)?"""
    return members_on(person.organisation, day).filter(pk=person.pk).exists()
