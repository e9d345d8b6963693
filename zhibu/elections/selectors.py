"""Reads of the elections ledger. The committee (terms, posts, candidates) is read through
people.selectors; elections and their results here."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from zhibu.core.models import Organisation, Person, Post
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import Election, Kind, Result

SINGLE_POSTS = frozenset(Post.values) - {Post.MEMBER}


def elections_of(org: Organisation, start: date, end: date, kind: str = "") -> QuerySet[Election]:
    qs = Election.objects.filter(organisation__in=org.subtree(), held_on__range=(start, end))
    if kind:
        qs = qs.filter(kind=kind)
    # The workbook lists each election's term by name (its organisation and year): joined here.
    return qs.select_related("organisation", "presided_by", "term__organisation").order_by("held_on", "pk")


def results_of_period(org: Organisation, start: date, end: date, kind: str = "") -> QuerySet[Result]:
    qs = Result.objects.filter(organisation__in=org.subtree(), election__held_on__range=(start, end))
    if kind:
        qs = qs.filter(election__kind=kind)
    return qs.select_related("person", "election", "organisation", "holding__person").order_by(
        "election__held_on", "pk"
    )


def election_list(org: Organisation) -> QuerySet[Election]:
    """The elections page: org's subtree, newest first, with the number elected (one query)."""
    return (
        Election.objects.filter(organisation__in=org.subtree())
        .select_related("organisation", "presided_by")
        .annotate(elected=Count("results"))
        .order_by("-held_on", "-pk")
    )


def with_results(qs: QuerySet[Election]) -> QuerySet[Election]:
    """Each election with its results and their people, in 职务 order. The people come by a join:
    `prefetch_related("results__person")` makes Django 5.2 on SQLite write one `id = ? OR …` per
    person, which fails past 1,000 people ("Expression tree is too large") — a city's elections."""
    results = Result.objects.select_related("person").order_by(people_selectors.POST_ORDER, "pk")
    return qs.prefetch_related(Prefetch("results", results))


def election_get(user, pk: int, perm: str = "elections.view") -> Election:
    qs = with_results(Election.objects.select_related("organisation", "presided_by", "term"))
    return get_permitted(user, qs, pk, perm)


def candidates(org: Organisation, day: date) -> QuerySet[Person]:
    """Who may be elected or preside: the branch's own members on `day`, 按姓氏笔画."""
    return people_selectors.committee_candidates(org, day)


def is_candidate(org: Organisation, person: Person, day: date) -> bool:
    return candidates(org, day).filter(pk=person.pk).exists()


def members_count(org: Organisation, day: date) -> int:
    return people_selectors.members_on(org, day).filter(organisation=org).count()


def holders_on(org: Organisation, day: date) -> dict[str, list[Person]]:
    """{post: the people holding it on `day`} in the branch's own committee."""
    held: dict[str, list[Person]] = {}
    for holding in people_selectors.committee_on(org, day):
        held.setdefault(holding.post, []).append(holding.person)
    return held


def seats(org: Organisation, term) -> int:
    """The seats of a term: the posts held on its first day (what its 换届 filled)."""
    return people_selectors.committee_during(org, term.started_on, term.started_on).count()


def current_term(org: Organisation):
    return people_selectors.current_term(org)


def regular_elections_for(term_ids) -> dict[int, Election]:
    """{term pk: the regular election that opened it} — one query."""
    rows = Election.objects.filter(term__in=term_ids, kind=Kind.REGULAR).order_by("held_on", "pk")
    return {e.term_id: e for e in rows}
