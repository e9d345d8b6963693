"""The ranked result of a campaign, per kind: each nominee's votes and share of the ballots cast,
quantified score (Σ criterion score × weight), and final score (ballot share × the ballot weight +
quantified score × the rest). Ranks are competition ranks (1, 2, 2, 4): nominees with equal final
scores share a rank; `tie_at_quota` marks a tie straddling the quota, which the committee resolves
(by its scores) before publishing. Recomputed from the ballot box every time."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from . import selectors
from .models import AwardKind, Campaign, Nomination, Scope

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass
class Row:
    nomination: Nomination
    votes: int
    share: Decimal
    quantified: Decimal
    final: Decimal
    rank: int = 0
    winner: bool = False


@dataclass
class KindResult:
    kind: AwardKind
    rows: list[Row] = field(default_factory=list)
    tie_at_quota: bool = False


@dataclass
class Result:
    campaign: Campaign
    ballots: int
    kinds: list[KindResult]

    def winners(self) -> list[Row]:
        return [row for k in self.kinds for row in k.rows if row.winner]


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def compute(campaign: Campaign) -> Result:
    kinds = selectors.kinds_of(campaign)
    nominations = selectors.nominations_of(campaign)
    criteria = selectors.criteria_of(campaign)
    scores = selectors.scores_of(campaign) if criteria else {}
    ballot = campaign.scope == Scope.BRANCH
    votes = selectors.tally(campaign) if ballot else {}
    cast = selectors.ballots_cast(campaign) if ballot else 0
    weight = Decimal(campaign.ballot_weight) if criteria else HUNDRED
    by_kind = {k.pk: KindResult(k) for k in kinds}
    for n in nominations:
        n_votes = votes.get(n.pk, 0)
        share = Decimal(n_votes) * HUNDRED / cast if cast else Decimal(0)
        quantified = sum(
            (Decimal(scores.get((n.pk, c.pk), 0)) * c.weight / HUNDRED for c in criteria), Decimal(0)
        )
        final = share * weight / HUNDRED + quantified * (HUNDRED - weight) / HUNDRED
        by_kind[n.kind_id].rows.append(Row(n, n_votes, _q(share), _q(quantified), _q(final)))
    for result in by_kind.values():
        _rank(result, decided=not ballot)
    return Result(campaign, cast, list(by_kind.values()))


def _rank(result: KindResult, *, decided: bool) -> None:
    rows = result.rows
    if decided:  # the 党委's decision: winners first, then the others
        rows.sort(key=lambda r: (not r.nomination.won, r.nomination.pk))
        for r in rows:
            r.winner = bool(r.nomination.won)
            r.rank = 1 if r.winner else 0
        return
    rows.sort(key=lambda r: (-r.final, -r.votes, r.nomination.pk))
    for index, row in enumerate(rows):
        same = index and rows[index - 1].final == row.final
        row.rank = rows[index - 1].rank if same else index + 1
    quota = result.kind.quota
    for row in rows:
        row.winner = row.rank <= quota and row.final > 0
    result.tie_at_quota = sum(r.winner for r in rows) > quota
