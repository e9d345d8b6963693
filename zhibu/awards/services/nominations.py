"""Nominations (self, peer, committee; in the bureau's selection, the branch), the committee's
criterion scores, and the 党委's decision in its own selection."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.models import Organisation, Person

from .. import selectors
from ..audit_actions import AwardsAction
from ..models import AwardKind, Ballot, Campaign, CriterionScore, Nomination, Recipient, Scope, Source
from .common import HUNDRED, is_closed, optional_text, require_open, require_unpublished, today


def _kind(campaign: Campaign, kind: AwardKind | None) -> AwardKind:
    if kind is None or kind.campaign_id != campaign.pk:
        raise ValidationError({"kind": _("请选择奖项")})
    return kind


def _not_twice(kind: AwardKind, person: Person | None, org: Organisation) -> None:
    qs = Nomination.objects.filter(kind=kind)
    qs = qs.filter(person=person) if person else qs.filter(organisation=org, person__isnull=True)
    if qs.exists():
        who = person.name if person else org.name
        raise ValidationError(
            {"person": _("%(who)s已被推荐为“%(kind)s”人选") % {"who": who, "kind": kind.name}}
        )


@writes.service
def nomination_create(
    *, actor, campaign: Campaign, kind: AwardKind | None, person: Person | None, reason: str = ""
) -> Nomination:
    """A member nominates herself (自荐) or a peer; an officer nominates as the committee. Names
    are added until the first ballot is cast (a late name would miss the earlier ballots)."""
    policy.require(actor, "awards.nominate", campaign)
    if campaign.scope != Scope.BRANCH:
        raise ValidationError(_("上级党委的评选由各支部推荐"))
    require_unpublished(campaign)
    kind = _kind(campaign, kind)
    if is_closed(campaign) or Ballot.objects.filter(campaign=campaign).exists():
        raise ValidationError(_("已开始投票，不能再增加人选"))
    if person is None or not selectors.is_eligible(campaign, person):
        raise ValidationError({"person": _("被推荐人应为评选开始之日本支部的党员")})
    _not_twice(kind, person, campaign.organisation)
    mine = policy.person_of(actor)
    if mine is not None and mine.pk == person.pk:
        source = Source.SELF
    elif policy.has_perm(actor, "awards.manage", campaign):
        source = Source.COMMITTEE
    else:
        source = Source.PEER
    nomination = Nomination(
        campaign=campaign,
        kind=kind,
        organisation=campaign.organisation,
        person=person,
        source=source,
        reason=optional_text(reason, "reason", _("推荐理由"), 1000),
    )
    return writes.model_create(nomination, actor=actor, action=AwardsAction.NOMINATED)


@writes.service
def branch_nominate(
    *,
    actor,
    campaign: Campaign,
    branch: Organisation,
    kind: AwardKind | None,
    person: Person | None = None,
    reason: str = "",
) -> Nomination:
    """A branch puts forward a member, or itself for 先进党支部, in its superior's selection."""
    policy.require(actor, "awards.manage", branch)
    if campaign.scope != Scope.BUREAU or not branch.path.startswith(campaign.organisation.path):
        raise ValidationError(_("本支部不参加该评选"))
    require_unpublished(campaign)
    require_open(campaign, _("推荐"))
    kind = _kind(campaign, kind)
    if kind.recipient == Recipient.BRANCH:
        if person is not None:
            raise ValidationError({"person": _("“%(kind)s”推荐的是党支部，不填党员") % {"kind": kind.name}})
    elif person is None or not selectors.branch_members(branch, today()).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("请选择本支部的党员")})
    _not_twice(kind, person, branch)
    nomination = Nomination(
        campaign=campaign,
        kind=kind,
        organisation=branch,
        person=person,
        source=Source.BRANCH,
        reason=optional_text(reason, "reason", _("推荐理由"), 1000),
    )
    return writes.model_create(nomination, actor=actor, action=AwardsAction.NOMINATED)


def _score(value, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        score = Decimal(str(value))
    except InvalidOperation:
        score = Decimal(-1)
    if not Decimal(0) <= score <= HUNDRED or score != score.quantize(Decimal("0.01")):
        raise ValidationError(
            {"scores": _("%(what)s的得分应为0至100的数字（最多两位小数）") % {"what": label}}
        )
    return score


@writes.service
def scores_enter(*, actor, campaign: Campaign, scores: dict[tuple[int, int], object]) -> int:
    """The committee's criterion scores: {(nomination id, criterion id): score, "" to clear}. All
    are checked first; a bad one writes nothing."""
    policy.require(actor, "awards.manage", campaign)
    require_unpublished(campaign)
    nominations = {n.pk: n for n in selectors.nominations_of(campaign)}
    criteria = {c.pk: c for c in selectors.criteria_of(campaign)}
    if not criteria:
        raise ValidationError(_("本次评选没有量化考核项目"))
    clean: dict[tuple[int, int], Decimal | None] = {}
    for (nid, cid), value in scores.items():
        if nid not in nominations or cid not in criteria:
            raise ValidationError({"scores": _("得分表与评选不符，请刷新后再试")})
        clean[(nid, cid)] = _score(value, f"{nominations[nid].nominee}·{criteria[cid].name}")
    before = {f"{n}:{c}": str(s) for (n, c), s in selectors.scores_of(campaign).items()}
    CriterionScore.objects.filter(nomination__campaign=campaign, criterion_id__in=list(criteria)).filter(
        nomination_id__in=[n for n, _c in clean]
    ).delete()
    CriterionScore.objects.bulk_create(
        CriterionScore(nomination_id=n, criterion_id=c, score=s, organisation=campaign.organisation)
        for (n, c), s in clean.items()
        if s is not None
    )
    after = {f"{n}:{c}": str(s) for (n, c), s in clean.items() if s is not None}
    audit.record(actor, AwardsAction.SCORED, campaign, before={"scores": before}, after={"scores": after})
    return len(after)


@writes.service
def nomination_decide(*, actor, nomination: Nomination, won: bool) -> Nomination:
    """The 党委 decides its own selection: within the kind's quota."""
    campaign = nomination.campaign
    policy.require(actor, "awards.manage", campaign)
    if campaign.scope != Scope.BUREAU:
        raise ValidationError(_("支部评选由党员投票产生，不由党委直接确定"))
    require_unpublished(campaign)
    if won:
        taken = Nomination.objects.filter(kind=nomination.kind, won=True).exclude(pk=nomination.pk).count()
        if taken >= nomination.kind.quota:
            raise ValidationError(
                _("“%(kind)s”名额为%(n)d个，已确定%(n)d个")
                % {"kind": nomination.kind.name, "n": nomination.kind.quota}
            )
    return writes.model_change(nomination, actor=actor, action=AwardsAction.DECIDED, fields={"won": won})
