"""The city's disclosure boards: per branch and year a published work plan, a 公示 of the 优秀共产党员
candidates (one objection, answered in time in nine branches of ten) and the half-year 落实情况.
Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date

from zhibu.core.registries import citygen

from .models import Kind, Notice, Objection, Status


def _notice(org, kind, title, start, end) -> Notice:
    return Notice(
        organisation=org,
        kind=kind,
        title=title,
        body="详见党务公开栏。",
        status=Status.PUBLISHED,
        publish_from=start,
        publish_until=end,
        published_on=start,
    )


@citygen.register("disclosure", order=65)
def generate(ctx: citygen.CityContext) -> int:
    notices = []
    for b in ctx.branches:
        for y in ctx.years:
            notices.append(_notice(b, Kind.PLAN, f"{y}年工作计划", date(y, 2, 20), date(y, 12, 31)))
            notices.append(
                _notice(b, Kind.NOTICE, f"{y}年度优秀共产党员推荐人选公示", date(y, 6, 20), date(y, 6, 26))
            )
            notices.append(_notice(b, Kind.IMPLEMENTATION, f"{y}年上半年工作落实情况", date(y, 7, 10), None))
    notices = ctx.bulk(Notice, [n for n in notices if n.publish_from <= ctx.until], keep=True)
    ctx.bulk(
        Objection,
        (
            _objection(n, ctx.rng.random() < 0.9)
            for n in notices
            if n.kind == Kind.NOTICE and date(n.publish_from.year, 6, 21) <= ctx.until
        ),
    )
    return sum(ctx.rows[m._meta.db_table] for m in (Notice, Objection))


def _objection(notice: Notice, answered: bool) -> Objection:
    year = notice.publish_from.year
    return Objection(
        organisation_id=notice.organisation_id,
        notice=notice,
        name="群众",
        contact="学校办公室转",
        text="建议公示主要事迹。",
        received_on=date(year, 6, 21),
        answer="已补充公示主要事迹。" if answered else "",
        answered_on=date(year, 6, 24) if answered else None,
    )
