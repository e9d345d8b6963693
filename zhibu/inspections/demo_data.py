"""Demo: the bureau's 2023 key-work inspection (重点工作检查) of its four school branches, with the
seed summary's items, published. The seed's school (育才学校) is 优秀 and 名列市直第四名, behind a tie
for second place — so the ranking shows 1, 2, 2, 4, and the seed period's annual summary cites it."""

from __future__ import annotations

from decimal import Decimal

from zhibu.core.models import Organisation, User
from zhibu.core.registries import demo

from .services import Cell, ItemSpec, plan_create, plan_open, plan_publish, score_set

ITEMS = [
    ("德育活动", 15),
    ("学案导学", 20),
    ("党员包教", 15),
    ("体艺", 10),
    ("规范办学", 15),
    ("师德师风", 15),
    ("收费", 10),
]
# code -> a score per item, in ITEMS order; totals 96.5, 94, 94, 92.
SCORES = {
    "shiyan": ["14.5", "19.5", "14.5", "10", "14", "14", "10"],
    "school-14": ["14", "19", "14", "9", "14", "14", "10"],
    "school-20": ["14.5", "18.5", "14", "9.5", "13.5", "14", "10"],
    "yucai": ["13.5", "18", "14.5", "9", "13.5", "14", "9.5"],
}


@demo.register("inspections", order=60)
def load() -> str:
    actor = User.objects.get(username="bureau")
    bureau = actor.grants.get(role="bureau").organisation
    plan = plan_create(
        actor=actor,
        organisation=bureau,
        data={
            "title": "2023年度市直学校党建重点工作检查",
            "year": 2023,
            "scope_label": "市直",
            "excellent_from": Decimal("90"),
            "good_from": Decimal("80"),
            "pass_from": Decimal("60"),
        },
        items=[ItemSpec(name, Decimal(top), Decimal("1")) for name, top in ITEMS],
    )
    plan_open(actor=actor, plan=plan)
    items = list(plan.items.order_by("order"))
    branches = dict(Organisation.objects.filter(code__in=SCORES).values_list("code", "pk"))
    cells = {
        (branches[code], item.pk): Cell(score=value)
        for code, values in SCORES.items()
        if code in branches
        for item, value in zip(items, values, strict=True)
    }
    score_set(actor=actor, plan=plan, cells=cells)
    plan_publish(actor=actor, plan=plan)
    return f"1 published inspection, {len(cells)} scores"
