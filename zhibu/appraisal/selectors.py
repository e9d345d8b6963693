"""Reads of the appraisal app. Pages start from the user's scope (`*_get`, `chosen_organisation`);
figures and rules start from an organisation (`*_of`). Counts come grouped from the database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.registries import points as registry
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from . import scoring
from .models import Appraisal, PeerRating, PointAdjustment, PointRule, Rating


# -- points ------------------------------------------------------------------------------------
def members_of(org: Organisation, day: date) -> QuerySet[Person]:
    """The party members of org's subtree on `day` — who earns and is ranked — 按姓氏笔画."""
    return people_selectors.by_strokes(people_selectors.members_on(org, day))


def sources() -> list[registry.Source]:
    return registry.all()


def source_labels() -> dict[str, str]:
    return {s.code: s.label for s in registry.all()}


def rules_of(org: Organisation) -> QuerySet[PointRule]:
    return PointRule.objects.filter(organisation__in=org.subtree()).order_by(
        "source", "-effective_from", "pk"
    )


def rule_get(user, pk: int, perm: str = "appraisal.points.manage") -> PointRule:
    return get_permitted(user, PointRule.objects.select_related("organisation"), pk, perm)


def adjustment_get(user, pk: int, perm: str = "appraisal.points.manage") -> PointAdjustment:
    return get_permitted(user, PointAdjustment.objects.select_related("person", "organisation"), pk, perm)


def adjustments_of(org: Organisation, start: date, end: date) -> QuerySet[PointAdjustment]:
    return PointAdjustment.objects.filter(
        organisation__in=org.subtree(), day__range=(start, end)
    ).select_related("person")


def ranking(org: Organisation, period: Period) -> list[scoring.Ranked]:
    """The members of org (a branch) ranked by their points in the period, ties sharing a rank."""
    people = members_of(org, period.end)
    totals = scoring.totals(org, people, period.start, period.end)
    return scoring.rank(list(people), totals)


def points_total(org: Organisation, period: Period) -> tuple[Decimal, QuerySet[Person]]:
    """All members' points in the period, and the members who earned any."""
    people = members_of(org, period.end)
    totals = scoring.totals(org, people, period.start, period.end)
    earned = [pk for pk, v in totals.items() if v]
    return sum(totals.values(), scoring.ZERO), people.filter(pk__in=earned)


def member_get(user, pk: int, perm: str = "appraisal.points.view") -> Person:
    """A person of the user's scope, opened by id (another branch: 404)."""
    return people_selectors.person_get(user, pk, perm)


def explain(org: Organisation, person: Person, period: Period) -> scoring.Explanation:
    return scoring.explain(org, members_of(org, period.end), person.pk, period.start, period.end)


# -- appraisal ---------------------------------------------------------------------------------
def _appraisals(qs: QuerySet[Appraisal]) -> QuerySet[Appraisal]:
    return qs.select_related("person", "organisation")


def with_tally(qs: QuerySet[Appraisal]) -> QuerySet[Appraisal]:
    """Each appraisal with the count of each peer rating — grouped in the database."""
    return qs.annotate(
        **{f"n_{r.value}": Count("ratings", filter=Q(ratings__rating=r.value)) for r in Rating},
        n_ratings=Count("ratings"),
    )


def appraisals_of(org: Organisation, year: int) -> QuerySet[Appraisal]:
    return _appraisals(Appraisal.objects.filter(organisation__in=org.subtree(), year=year))


def appraisals_in(org: Organisation, start: date, end: date) -> QuerySet[Appraisal]:
    """The appraisals of the years start..end touches."""
    return _appraisals(
        Appraisal.objects.filter(organisation__in=org.subtree(), year__range=(start.year, end.year))
    )


def appraisal_list(org: Organisation, year: int) -> QuerySet[Appraisal]:
    return with_tally(appraisals_of(org, year)).order_by("person__name_strokes", "pk")


def appraisal_get(user, pk: int, perm: str = "appraisal.view") -> Appraisal:
    return get_permitted(user, with_tally(_appraisals(Appraisal.objects.all())), pk, perm)


def years_of(org: Organisation) -> list[int]:
    return list(
        Appraisal.objects.filter(organisation__in=org.subtree())
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def own_appraisals(person: Person) -> QuerySet[Appraisal]:
    """A member's own appraisals, newest year first, with the counts of her ratings."""
    return with_tally(_appraisals(Appraisal.objects.filter(person=person))).order_by("-year")


def own_appraisal(person: Person, year: int) -> Appraisal | None:
    return _appraisals(Appraisal.objects.filter(person=person, year=year)).first()


def rated_by(person: Person, year: int) -> dict[int, str]:
    """{appraisal id: rating} the person gave in the year — to show what she has already done."""
    return dict(
        PeerRating.objects.filter(rater=person, appraisal__year=year).values_list("appraisal_id", "rating")
    )


def ratees(org: Organisation, year: int, rater: Person) -> QuerySet[Appraisal]:
    """The year's appraisals of org a member rates: everyone's but her own."""
    return appraisals_of(org, year).exclude(person=rater).order_by("person__name_strokes", "pk")
