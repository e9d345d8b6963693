"""The city's talks: every committee member of every branch talks with people of her branch one to
three times a month (so some months fall below the default quota of 2). Bulk-inserted without
audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date

from zhibu.core.periods import Period
from zhibu.core.registries import citygen
from zhibu.people import selectors as people_selectors

from .models import Talk

TOPICS = ("思想动态", "工作困难", "入党动机", "家庭情况", "学习体会")


@citygen.register("talks", order=47)
def generate(ctx: citygen.CityContext) -> int:
    rng = ctx.rng
    first = date(ctx.years[0], 1, 1)
    months = [m for m in Period.span(first, ctx.until).months() if m.start.replace(day=28) <= ctx.until]
    holdings = people_selectors.committees_during([b.pk for b in ctx.branches], first, ctx.until)
    talkers: dict[int, set[int]] = {}
    for org_id, person_id in holdings.values_list("organisation_id", "person_id"):
        talkers.setdefault(org_id, set()).add(person_id)

    def rows():
        for b in ctx.branches:
            people = ctx.people[b.pk]
            for talker_id in sorted(talkers.get(b.pk, ())):
                others = [p for p in people if p.pk != talker_id and not p.is_retired]
                if not others:
                    continue
                for m in months:
                    for k in range(rng.choice((1, 2, 2, 3))):
                        yield Talk(
                            organisation=b,
                            held_on=m.start.replace(day=3 + 8 * k),
                            talker_id=talker_id,
                            talked_with=rng.choice(others),
                            topic=rng.choice(TOPICS),
                            content="交流思想和工作情况。",
                        )

    ctx.bulk(Talk, rows())
    return ctx.rows[Talk._meta.db_table]
