"""换届选举 and 补选. Each checks the election as the 《中国共产党基层组织选举工作条例》 asks — the
people elected are the branch's members that day, a candidate is elected only with the votes of
more than half of those who voted (第十九条), a by-election fills only vacant posts — and then
writes the committee through the people ledger's internal functions (term_open, holding_record):
the new term and posts take effect from the election date, the previous term ends the day before.

Holding a post grants no account role, as on the committee page: the secretary grants 支委 on
账号与角色, the superior sets a new 书记's login (设立书记)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, optional_text, required_text
from zhibu.core.models import Organisation, Person, Post
from zhibu.core.periods import cn_date
from zhibu.people.services.committee import holding_record, term_open

from .. import selectors
from ..audit_actions import ElectionsAction
from ..models import TERM_YEARS, Election, Kind, Result

PERM = "elections.edit"
MAX_COMMITTEE = 7  # 支部委员会委员一般不超过7人
RULE_19 = "《中国共产党基层组织选举工作条例》第十九条"


@dataclass(frozen=True)
class Elected:
    person: Person
    post: str
    votes: int


def _check(
    org: Organisation, held_on: date | None, presided_by, ballots_cast, results: list[Elected]
) -> None:
    not_future(held_on, "held_on", _("选举日期"))
    if presided_by is None:
        raise ValidationError({"presided_by": _("请选择主持人")})
    if not selectors.is_candidate(org, presided_by, held_on):
        raise ValidationError(
            {
                "presided_by": _("主持人%(name)s在%(day)s不是本支部党员")
                % {"name": presided_by.name, "day": cn_date(held_on)}
            }
        )
    members = selectors.members_count(org, held_on)
    if not ballots_cast or ballots_cast < 1:
        raise ValidationError({"ballots_cast": _("请填写投票人数")})
    if ballots_cast > members:
        raise ValidationError(
            {
                "ballots_cast": _("投票人数（%(n)d）超过%(day)s本支部党员人数（%(m)d）")
                % {"n": ballots_cast, "day": cn_date(held_on), "m": members}
            }
        )
    if not results:
        raise ValidationError({"results": _("请填写当选人、职务和得票数")})
    seen_people: set[int] = set()
    seen_posts: set[str] = set()
    for row in results:
        name = row.person.name
        if row.post not in Post.values:
            raise ValidationError({"results": _("%(name)s的职务未知") % {"name": name}})
        if row.person.pk in seen_people:
            raise ValidationError({"results": _("%(name)s只能当选一个职务") % {"name": name}})
        if row.post in selectors.SINGLE_POSTS and row.post in seen_posts:
            raise ValidationError({"results": _("%(post)s只能选举一人") % {"post": Post(row.post).label}})
        seen_people.add(row.person.pk)
        seen_posts.add(row.post)
        if not selectors.is_candidate(org, row.person, held_on):
            raise ValidationError(
                {
                    "results": _("%(name)s在%(day)s不是本支部党员，不能当选")
                    % {"name": name, "day": cn_date(held_on)}
                }
            )
        if row.votes is None or row.votes < 0 or row.votes > ballots_cast:
            raise ValidationError(
                {
                    "results": _("%(name)s的得票数须在0到投票人数（%(b)d）之间")
                    % {"name": name, "b": ballots_cast}
                }
            )
        if row.votes * 2 <= ballots_cast:
            raise ValidationError(
                {
                    "results": _("%(name)s得票%(v)d，未超过投票人数%(b)d的半数，不能当选（%(rule)s）")
                    % {"name": name, "v": row.votes, "b": ballots_cast, "rule": RULE_19}
                }
            )


def _record(actor, results: list[Elected], **fields) -> Election:
    """The election, then each result with the post it gives from the election date."""
    election = Election(**fields)
    by_election = election.kind == Kind.BY_ELECTION
    action = ElectionsAction.BY_ELECTION_HELD if by_election else ElectionsAction.ELECTION_HELD
    writes.model_create(election, actor=actor, action=action)
    for row in results:
        holding = holding_record(
            actor=actor,
            organisation=election.organisation,
            person=row.person,
            post=row.post,
            started_on=election.held_on,
            by_election=by_election,
        )
        result = Result(
            election=election,
            organisation=election.organisation,
            person=row.person,
            post=row.post,
            votes=row.votes,
            holding=holding,
        )
        writes.model_create(result, actor=actor, action=ElectionsAction.RESULT_RECORDED)
    return election


@writes.service
def election_hold(
    *,
    actor,
    organisation: Organisation,
    held_on: date | None,
    presided_by: Person | None,
    ballots_cast: int | None,
    results: list[Elected],
    term_years: int = 3,
    reason: str = "",
) -> Election:
    """换届: the committee elected for `term_years` (3 for a branch, 5 allowed) from `held_on`."""
    policy.require(actor, PERM, organisation)
    if term_years not in dict(TERM_YEARS):
        raise ValidationError({"term_years": _("任期为3年或5年")})
    _check(organisation, held_on, presided_by, ballots_cast, results)
    if Post.SECRETARY not in {row.post for row in results}:
        raise ValidationError({"results": _("换届选举须选出书记")})
    reason = optional_text(reason, "reason", _("选举事由"), 200) or _("支部党员大会换届选举")
    term = term_open(actor=actor, organisation=organisation, started_on=held_on, note=reason)
    return _record(
        actor,
        results,
        organisation=organisation,
        kind=Kind.REGULAR,
        held_on=held_on,
        term=term,
        term_years=term_years,
        presided_by=presided_by,
        ballots_cast=ballots_cast,
        reason=reason,
    )


@writes.service
def by_election_hold(
    *,
    actor,
    organisation: Organisation,
    held_on: date | None,
    presided_by: Person | None,
    ballots_cast: int | None,
    results: list[Elected],
    reason: str,
) -> Election:
    """补选: vacant posts of the running term filled from `held_on` (a post still held is refused)."""
    policy.require(actor, PERM, organisation)
    term = selectors.current_term(organisation)
    if term is None:
        raise ValidationError({"held_on": _("尚未记录本届支部委员会，不能补选，请先记录换届选举")})
    reason = required_text(reason, "reason", _("补选事由"), 200)
    _check(organisation, held_on, presided_by, ballots_cast, results)
    if held_on < term.started_on:
        raise ValidationError(
            {"held_on": _("补选日期不能早于本届任期开始（%(day)s）") % {"day": cn_date(term.started_on)}}
        )
    holders = selectors.holders_on(organisation, held_on)
    for row in results:
        sitting = holders.get(row.post, [])
        if row.post in selectors.SINGLE_POSTS and sitting:
            raise ValidationError(
                {
                    "results": _("%(post)s现由%(names)s担任，不是空缺职务，不能补选")
                    % {"post": Post(row.post).label, "names": "、".join(p.name for p in sitting)}
                }
            )
    size = sum(len(people) for people in holders.values())
    if size + len(results) > MAX_COMMITTEE:
        raise ValidationError(
            {
                "results": _("支部委员会现有%(n)d人，补选%(k)d人后超过%(max)d人")
                % {"n": size, "k": len(results), "max": MAX_COMMITTEE}
            }
        )
    years = selectors.regular_elections_for([term.pk]).get(term.pk)
    return _record(
        actor,
        results,
        organisation=organisation,
        kind=Kind.BY_ELECTION,
        held_on=held_on,
        term=term,
        term_years=years.term_years if years else 3,
        presided_by=presided_by,
        ballots_cast=ballots_cast,
        reason=reason,
    )
