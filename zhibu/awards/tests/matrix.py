from datetime import timedelta

from django.utils import timezone

from zhibu.core.testing import Case

from .factories import AwardKindFactory, CampaignFactory, NominationFactory

ORG_A = "?org=yucai"
# Members read their branch's campaigns (and results once closed); the checker reads none; the
# bureau reads and runs selections; another branch's secretary finds nothing of branch A.
VIEW = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 200, "outsider": 404}
MANAGE = {**VIEW, "member": 403}
MEMBERS = {**VIEW, "bureau": 403}  # vote and nominate: the branch's people


def a_campaign(world):
    return {"pk": CampaignFactory(organisation=world.branch).pk}


def a_closed_campaign(world):
    today = timezone.localdate()
    campaign = CampaignFactory(
        organisation=world.branch, opens_on=today - timedelta(days=9), closes_on=today - timedelta(days=1)
    )
    NominationFactory(kind=AwardKindFactory(campaign=campaign), person=world.people["member"])
    return {"pk": campaign.pk}


def _bureau_campaign(world):
    campaign = CampaignFactory(organisation=world.bureau_org, scope="bureau")
    return campaign, AwardKindFactory(campaign=campaign, name="先进党支部", recipient="branch")


def a_bureau_campaign(world):
    return {"pk": _bureau_campaign(world)[0].pk}


def a_branch_nomination(world):
    _campaign, kind = _bureau_campaign(world)
    return {"pk": NominationFactory(kind=kind, organisation=world.branch, person=None, source="branch").pk}


MATRIX = {
    "awards:index": Case(expect=VIEW, query=ORG_A),
    "awards:create": Case(expect=MANAGE, query=ORG_A),
    "awards:upper": Case(expect=MANAGE, query=ORG_A),
    "awards:campaign": Case(expect=VIEW, kwargs=a_campaign),
    "awards:edit": Case(expect=MANAGE, kwargs=a_campaign),
    "awards:publish": Case(expect=MANAGE, kwargs=a_closed_campaign),
    "awards:export": Case(expect=VIEW, kwargs=a_closed_campaign),
    "awards:nominate": Case(expect=MEMBERS, kwargs=a_campaign),
    "awards:vote": Case(expect=MEMBERS, kwargs=a_campaign),
    "awards:scores": Case(expect=MANAGE, kwargs=a_campaign),
    "awards:branch_nominate": Case(expect=MANAGE, kwargs=a_bureau_campaign, query=ORG_A),
    # The 党委 decides its own selection: the branch's officers reach the nomination (their branch's)
    # but not the bureau's campaign (404).
    "awards:decide": Case(
        expect={
            "secretary": 404,
            "committee": 404,
            "member": 403,
            "checker": 403,
            "bureau": 302,
            "outsider": 404,
        },
        kwargs=a_branch_nomination,
        method="post",
    ),
}
