"""The secret ballot. A vote writes two unrelated rows in one transaction: the register's mark
(who has voted; unique per campaign and person) and the ballot with its choices (what was voted;
random keys, no voter, no time). Two requests of one voter at the same moment: the second one's
mark breaks the unique constraint (PostgreSQL) or waits for the first's write lock and then finds
the mark (SQLite's immediate transactions), and is refused with nothing written."""

from __future__ import annotations

import random
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.models import Person

from .. import selectors
from ..audit_actions import AwardsAction
from ..models import Ballot, BallotChoice, Campaign, Nomination, Scope, VoterMark
from .common import require_open, require_unpublished

ALREADY = _("您已在本次评选中投过票，每人只能投一次")


def _check_choices(campaign: Campaign, choices: list[Nomination]) -> None:
    if not choices:
        raise ValidationError({"choices": _("请至少选择一名人选")})
    if len({n.pk for n in choices}) != len(choices) or any(n.campaign_id != campaign.pk for n in choices):
        raise ValidationError({"choices": _("选票中的人选与本次评选不符，请刷新后再试")})
    per_kind: dict[int, list[Nomination]] = {}
    for n in choices:
        per_kind.setdefault(n.kind_id, []).append(n)
    for kind in selectors.kinds_of(campaign):
        chosen = len(per_kind.get(kind.pk, []))
        if chosen > kind.quota:
            raise ValidationError(
                {
                    "choices": _("“%(kind)s”名额为%(quota)d名，最多选%(quota)d人，您选了%(n)d人")
                    % {"kind": kind.name, "quota": kind.quota, "n": chosen}
                }
            )


def ballot_add(*, campaign: Campaign, person: Person, choices: list[Nomination]) -> None:
    """The shared step: mark the register, then drop the ballot in the box. Callers have checked
    the window, the voter and the choices."""
    try:
        with transaction.atomic():
            VoterMark.objects.create(campaign=campaign, organisation=campaign.organisation, person=person)
    except IntegrityError:
        raise ValidationError(ALREADY) from None
    ballot = Ballot.objects.create(campaign=campaign, organisation=campaign.organisation)
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, nomination=n, organisation=campaign.organisation) for n in choices
    )


@writes.service
def vote_cast(*, actor, campaign: Campaign, choices: Iterable[Nomination]) -> Campaign:
    policy.require(actor, "awards.vote", campaign)
    if campaign.scope != Scope.BRANCH:
        raise ValidationError(_("该评选由上级党委确定，不投票"))
    require_unpublished(campaign)
    require_open(campaign, _("投票"))
    person = policy.person_of(actor)
    if not selectors.is_eligible(campaign, person):
        raise ValidationError(_("只有评选开始之日本支部的党员才能投票"))
    if selectors.has_voted(campaign, person):
        raise ValidationError(ALREADY)
    chosen = list(choices)
    _check_choices(campaign, chosen)
    ballot_add(campaign=campaign, person=person, choices=chosen)
    # On the campaign, not the ballot: the trail says who voted, never what.
    audit.record(actor, AwardsAction.VOTED, campaign, after={"voted": True})
    return campaign


def seal(campaign: Campaign) -> int:
    """Rewrite the ballot box in a random order with new keys (same choices, so the same tally):
    after this, not even the database's own row order or transaction ids (SQLite's rowid,
    PostgreSQL's ctid and xmin, which a ballot shares with its register mark) relate a ballot to
    the moment, or the transaction, it was cast in. Run when the result is published."""
    ballots: dict[object, list[int]] = {}
    for ballot_id, nomination_id in selectors.choices_of(campaign).values_list("ballot_id", "nomination_id"):
        ballots.setdefault(ballot_id, []).append(nomination_id)
    empty = Ballot.objects.filter(campaign=campaign).exclude(pk__in=list(ballots)).count()
    contents = list(ballots.values()) + [[] for _n in range(empty)]
    random.SystemRandom().shuffle(contents)
    Ballot.objects.filter(campaign=campaign).delete()
    new = Ballot.objects.bulk_create(
        Ballot(campaign=campaign, organisation=campaign.organisation) for _c in contents
    )
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=b, nomination_id=n, organisation=campaign.organisation)
        for b, chosen in zip(new, contents, strict=True)
        for n in chosen
    )
    return len(new)
