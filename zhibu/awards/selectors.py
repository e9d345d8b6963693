"""Reads of 评先评优. Views start from the user's scope (`campaign_get`); figures, sections and the
publishable source start from an organisation. The tally reads the ballot box only (never the
register) and is grouped in the database: one query whatever the number of ballots."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import (
    AwardKind,
    Ballot,
    BallotChoice,
    Campaign,
    Criterion,
    CriterionScore,
    Nomination,
    Scope,
    VoterMark,
)


def campaign_list(org: Organisation, *, text: str = "") -> QuerySet[Campaign]:
    qs = Campaign.objects.filter(organisation__in=org.subtree()).select_related("organisation")
    if text:
        qs = qs.filter(title__icontains=text)
    return qs.order_by("-year", "-closes_on", "-pk")


def upper_campaigns(branch: Organisation) -> QuerySet[Campaign]:
    """The superior committees' selections a branch may nominate into."""
    return (
        Campaign.objects.filter(scope=Scope.BUREAU, organisation__in=branch.ancestors())
        .select_related("organisation")
        .order_by("-year", "-closes_on", "-pk")
    )


def upper_campaign_get(branch: Organisation, pk: int) -> Campaign:
    return get_object_or_404(upper_campaigns(branch), pk=pk)


def campaign_get(user, pk: int, perm: str = "awards.view") -> Campaign:
    return get_permitted(user, Campaign.objects.select_related("organisation"), pk, perm)


def nomination_get(user, pk: int, perm: str = "awards.manage") -> Nomination:
    return get_permitted(
        user, Nomination.objects.select_related("campaign", "kind", "person", "organisation"), pk, perm
    )


def kinds_qs(campaign: Campaign) -> QuerySet[AwardKind]:
    return campaign.kinds.order_by("order", "pk")


def kinds_of(campaign: Campaign) -> list[AwardKind]:
    return list(kinds_qs(campaign))


def criteria_of(campaign: Campaign) -> list[Criterion]:
    return list(campaign.criteria.order_by("order", "pk"))


def nominations_of(campaign: Campaign, *, branch: Organisation | None = None) -> list[Nomination]:
    qs = campaign.nominations.select_related("kind", "person", "organisation")
    if branch is not None:
        qs = qs.filter(organisation=branch)
    return list(qs.order_by("kind__order", "kind_id", "person__name_strokes", "organisation__path", "pk"))


def scores_of(campaign: Campaign) -> dict[tuple[int, int], object]:
    """{(nomination id, criterion id): score}."""
    return {
        (n, c): s
        for n, c, s in CriterionScore.objects.filter(nomination__campaign=campaign).values_list(
            "nomination_id", "criterion_id", "score"
        )
    }


def eligible_voters(campaign: Campaign) -> QuerySet[Person]:
    """The branch's members on the opening day (dated party status; left staff excluded)."""
    return people_selectors.members_on(campaign.organisation, campaign.opens_on)


def is_eligible(campaign: Campaign, person: Person | None) -> bool:
    return person is not None and eligible_voters(campaign).filter(pk=person.pk).exists()


def nominee_choices(campaign: Campaign) -> QuerySet[Person]:
    return people_selectors.by_strokes(eligible_voters(campaign))


def branch_members(branch: Organisation, day: date) -> QuerySet[Person]:
    return people_selectors.by_strokes(people_selectors.members_on(branch, day))


def has_voted(campaign: Campaign, person: Person | None) -> bool:
    return person is not None and VoterMark.objects.filter(campaign=campaign, person=person).exists()


def turnout(campaign: Campaign) -> int:
    return VoterMark.objects.filter(campaign=campaign).count()


def ballots_cast(campaign: Campaign) -> int:
    return Ballot.objects.filter(campaign=campaign).count()


def tally(campaign: Campaign) -> dict[int, int]:
    """{nomination id: votes} from the ballot box, one grouped query."""
    return dict(
        BallotChoice.objects.filter(ballot__campaign=campaign)
        .values("nomination_id")
        .annotate(n=Count("pk"))
        .values_list("nomination_id", "n")
    )


def choices_of(campaign: Campaign) -> QuerySet[BallotChoice]:
    return BallotChoice.objects.filter(ballot__campaign=campaign)


# -- figures -------------------------------------------------------------------------------------
def campaigns_of(org: Organisation, period: Period) -> QuerySet[Campaign]:
    return Campaign.objects.filter(
        organisation__in=org.subtree(), published_on__range=(period.start, period.end)
    ).order_by("published_on", "pk")


def winners_of(org: Organisation, period: Period, *, honour_kind: str = "") -> QuerySet[Nomination]:
    """Nominees of org's subtree who won in a campaign published in the period."""
    qs = Nomination.objects.filter(
        organisation__in=org.subtree(),
        won=True,
        campaign__published_on__range=(period.start, period.end),
    ).select_related("campaign", "kind", "person", "organisation")
    if honour_kind:
        qs = qs.filter(kind__honour_kind=honour_kind)
    return qs.order_by("campaign__published_on", "kind__order", "person__name_strokes", "pk")


def published_winners(org: Organisation, period: Period) -> QuerySet[Nomination]:
    """What the 公示 drafts name: winners of the campaigns run by org itself."""
    return winners_of(org, period).filter(Q(campaign__organisation=org))


def campaigns_by_pk(ids) -> QuerySet[Campaign]:
    return Campaign.objects.filter(pk__in=list(ids)).order_by("published_on", "pk")


def unpublished(org: Organisation, start: date, end: date) -> QuerySet[Campaign]:
    """Campaigns of org's subtree whose window closed between start and end, not yet published."""
    return (
        Campaign.objects.filter(
            organisation__in=org.subtree(), closes_on__range=(start, end), published_on__isnull=True
        )
        .select_related("organisation")
        .order_by("closes_on", "pk")
    )
