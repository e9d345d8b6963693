"""The city's appraisal rows: per branch, the default points rules (the demo school's, in force
from the first year) and, for each year that is over, the 民主评议 of its members — decisions with
at most a third 优秀, and each member rating a few colleagues. Points themselves are never
generated: they are computed from the other ledgers' rows. Bulk-inserted without audit entries."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .demo_data import default_rules
from .models import Appraisal, PeerRating, PointRule, Rating

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
RATERS = 5  # each member rates this many colleagues a year (a whole branch rating everyone: 900 rows)


@citygen.register("appraisal", order=80)
def generate(ctx: citygen.CityContext) -> int:
    first = date(ctx.years[0], 1, 1)
    ctx.bulk(PointRule, (rule for b in ctx.branches for rule in default_rules(b, first)))
    years = [y for y in ctx.years if date(y, 12, 31) < ctx.until]
    appraisals = []
    for b in ctx.branches:
        members = [p for p in ctx.people[b.pk] if p.party_status in MEMBERS]
        for y in years:
            best = set(ctx.rng.sample(range(len(members)), len(members) // 3)) if members else set()
            for i, p in enumerate(members):
                decision = Rating.EXCELLENT if i in best else Rating.QUALIFIED
                appraisals.append(
                    Appraisal(organisation=b, year=y, person=p, self_assessment="认真履行党员义务。",
                              decision=decision, decided_on=date(y, 12, 26))
                )  # fmt: skip
    kept = ctx.bulk(Appraisal, appraisals, keep=True)
    by_branch_year: dict[tuple[int, int], list[Appraisal]] = {}
    for a in kept:
        by_branch_year.setdefault((a.organisation_id, a.year), []).append(a)
    ratings = []
    for (org_id, _year), rows in by_branch_year.items():
        for a in rows:
            others = [r for r in rows if r.pk != a.pk]
            for ratee in ctx.rng.sample(others, min(RATERS, len(others))):
                ratings.append(
                    PeerRating(
                        organisation_id=org_id, appraisal=ratee, rater_id=a.person_id, rating=ratee.decision
                    )
                )
    ctx.bulk(PeerRating, ratings)
    return sum(ctx.rows[m._meta.db_table] for m in (PointRule, Appraisal, PeerRating))
