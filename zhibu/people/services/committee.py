"""Writes to the branch committee's record: 换届 (a new term, which ends the previous one and its
posts), a post held in the current term (elected at the 换届 or 补选 later) and the end of a post.

Holding a post grants no account role: logins and roles stay on the accounts page (账号与角色)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import CommitteeTerm, Organisation, Person, Post, PostHolding

from .. import selectors
from ..audit_actions import PeopleAction

PERM = "people.committee"


def _not_future(field: str, day: date, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("%(label)s不能晚于今天") % {"label": label}})


def _last_day_recorded(term: CommitteeTerm) -> date:
    """The latest date the term's record holds: its start and every post's start and end."""
    days = [term.started_on]
    for start, end in term.holdings.values_list("started_on", "ended_on"):
        days.append(start)
        if end:
            days.append(end)
    return max(days)


@writes.service
def term_start(*, actor, organisation: Organisation, started_on: date, note: str = "") -> CommitteeTerm:
    """换届: a new term from `started_on`; the running term and its posts still held end the day
    before (the new committee's posts are then recorded one by one)."""
    policy.require(actor, PERM, organisation)
    return term_open(actor=actor, organisation=organisation, started_on=started_on, note=note)


def term_open(*, actor, organisation: Organisation, started_on: date, note: str = "") -> CommitteeTerm:
    """Internal: validate and open a new term, ending the running one the day before. The caller
    has checked the permission (term_start, the elections ledger's 换届 after its own)."""
    _not_future("started_on", started_on, _("换届日期"))
    previous = selectors.current_term(organisation)
    if previous is not None:
        last = _last_day_recorded(previous)
        if started_on <= last:
            raise ValidationError(
                {
                    "started_on": _("换届日期须晚于上一届已记录的最后日期（%(day)s）")
                    % {"day": f"{last:%Y-%m-%d}"}
                }
            )
        day_before = started_on - timedelta(days=1)
        for holding in previous.holdings.filter(ended_on__isnull=True):
            writes.model_change(
                holding, actor=actor, action=PeopleAction.HOLDING_ENDED, fields={"ended_on": day_before}
            )
        writes.model_change(
            previous, actor=actor, action=PeopleAction.TERM_ENDED, fields={"ended_on": day_before}
        )
    term = CommitteeTerm(organisation=organisation, started_on=started_on, note=note)
    return writes.model_create(term, actor=actor, action=PeopleAction.TERM_STARTED)


@writes.service
def holding_add(
    *,
    actor,
    organisation: Organisation,
    person: Person | None,
    post: str,
    started_on: date,
    by_election: bool = False,
) -> PostHolding:
    """A post in the running term of `organisation`'s committee, held by one of its members."""
    policy.require(actor, PERM, organisation)
    return holding_record(
        actor=actor,
        organisation=organisation,
        person=person,
        post=post,
        started_on=started_on,
        by_election=by_election,
    )


def holding_record(
    *,
    actor,
    organisation: Organisation,
    person: Person | None,
    post: str,
    started_on: date,
    by_election: bool = False,
) -> PostHolding:
    """Internal: validate and record a post in the running term. The caller has checked the
    permission (holding_add, the elections ledger's 换届 and 补选 after their own)."""
    term = selectors.current_term(organisation)
    if term is None:
        raise ValidationError(_("尚未记录本届支部委员会，请先办理换届（填写本届任期开始日期）"))
    if post not in Post.values:
        raise ValidationError({"post": _("未知的职务")})
    if person is None or person.organisation_id != organisation.pk:
        raise ValidationError({"person": _("只能选择本支部的党员")})
    _not_future("started_on", started_on, _("任职开始日期"))
    if started_on < term.started_on:
        raise ValidationError(
            {
                "started_on": _("任职开始日期不能早于本届任期开始（%(day)s）")
                % {"day": f"{term.started_on:%Y-%m-%d}"}
            }
        )
    if not selectors.committee_candidates(organisation, started_on).filter(pk=person.pk).exists():
        raise ValidationError(
            {
                "person": _("%(name)s在%(day)s不是本支部的党员（预备党员或正式党员），不能担任支委职务")
                % {"name": person.name, "day": f"{started_on:%Y-%m-%d}"}
            }
        )
    # Posts held on or after the new one's first day: the same person in the same post twice, or a
    # second 书记, would overlap.
    overlapping = selectors.committee_during(organisation, started_on, date.max).select_related("person")
    if post == Post.SECRETARY:
        sitting = overlapping.filter(post=Post.SECRETARY).first()
        if sitting is not None:
            raise ValidationError(
                {
                    "post": _("书记只能有一位：%(name)s的书记任职尚未结束，请先结束其任职")
                    % {"name": sitting.person.name}
                }
            )
    if overlapping.filter(post=post, person=person).exists():
        raise ValidationError(
            {"post": _("%(name)s已担任%(post)s") % {"name": person.name, "post": Post(post).label}}
        )
    holding = PostHolding(
        term=term,
        organisation=organisation,
        person=person,
        post=post,
        started_on=started_on,
        by_election=by_election,
    )
    return writes.model_create(holding, actor=actor, action=PeopleAction.HOLDING_ADDED)


@writes.service
def holding_end(*, actor, holding: PostHolding, ended_on: date) -> PostHolding:
    """The last day a post was held (免职, 调离, 辞去职务)."""
    policy.require(actor, PERM, holding)
    if holding.ended_on is not None:
        raise ValidationError(
            {"ended_on": _("该任职已于%(day)s结束") % {"day": f"{holding.ended_on:%Y-%m-%d}"}}
        )
    _not_future("ended_on", ended_on, _("任职结束日期"))
    if ended_on < holding.started_on:
        raise ValidationError(
            {
                "ended_on": _("任职结束日期不能早于任职开始日期（%(day)s）")
                % {"day": f"{holding.started_on:%Y-%m-%d}"}
            }
        )
    return writes.model_change(
        holding, actor=actor, action=PeopleAction.HOLDING_ENDED, fields={"ended_on": ended_on}
    )
