"""Publishing a result for 公示: the winners are fixed on their nominations, the ballot box is
sealed, and each winner (a member, or a branch for 先进党支部) gets the honour through the honours
ledger's internal `honour_add` — unless the secretary had already recorded that honour of that day
by hand."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.honours import selectors as honours_selectors
from zhibu.honours.services.honours import honour_add

from .. import results
from ..audit_actions import AwardsAction
from ..models import Campaign, Nomination, Recipient, Scope
from .common import is_closed, not_future, require_unpublished
from .voting import seal


@writes.service
def campaign_publish(
    *, actor, campaign: Campaign, version: int | None, published_on: date | None
) -> Campaign:
    policy.require(actor, "awards.manage", campaign)
    require_unpublished(campaign)
    published_on = not_future(published_on, "published_on", _("公示日期"))
    if published_on < campaign.closes_on or (campaign.scope == Scope.BRANCH and not is_closed(campaign)):
        raise ValidationError({"published_on": _("投票（推荐）截止后才能公示结果")})
    result = results.compute(campaign)
    for kind in result.kinds:
        if kind.tie_at_quota:
            raise ValidationError(
                _("“%(kind)s”末位得分并列，超出%(n)d个名额，请支委会研究（如调整量化考核得分）后再公示")
                % {"kind": kind.kind.name, "n": kind.kind.quota}
            )
    winners = result.winners()
    if not winners:
        raise ValidationError(_("还没有当选人选，不能公示"))
    if campaign.scope == Scope.BRANCH:
        ids = [row.nomination.pk for row in winners]
        Nomination.objects.filter(campaign=campaign).update(won=False)
        Nomination.objects.filter(pk__in=ids).update(won=True)
        seal(campaign)
    updated = writes.model_update(
        campaign,
        actor=actor,
        action=AwardsAction.PUBLISHED,
        version=version,
        fields={"published_on": published_on},
        extra_after={"winners": [f"{r.nomination.kind.name}：{r.nomination.nominee}" for r in winners]},
    )
    _honours(actor, campaign, [row.nomination for row in winners], published_on)
    return updated


def _honours(actor, campaign: Campaign, winners: list[Nomination], day: date) -> None:
    level = "bureau" if campaign.scope == Scope.BUREAU else "school"
    held: dict[str, set] = {}
    for n in winners:
        title = n.kind.honour_title
        if title not in held:
            held[title] = honours_selectors.holders_of(campaign.organisation, title, day)
        if (n.organisation_id, n.person_id) in held[title]:
            continue
        honour_add(
            actor=actor,
            organisation=n.organisation,
            title=title,
            kind=n.kind.honour_kind,
            level=level,
            issuer=campaign.organisation.name,
            awarded_on=day,
            occasion=campaign.title,
            recipient=Recipient.PERSON if n.person_id else "branch",
            person=n.person,
        )
