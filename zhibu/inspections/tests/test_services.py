"""Plans, items, the score table and publishing: validation messages, nothing written on bad input."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import make_org, make_user
from zhibu.inspections import services
from zhibu.inspections.models import InspectionPlan, PlanItem, PlanState, Score
from zhibu.inspections.services import Cell, ItemSpec

from .helpers import give, make_plan

pytestmark = pytest.mark.django_db

DATA = {
    "title": "2026年度市直学校党建工作考核",
    "year": 2026,
    "scope_label": "市直",
    "excellent_from": Decimal("90"),
    "good_from": Decimal("80"),
    "pass_from": Decimal("60"),
}
ITEMS = [ItemSpec("德育活动", Decimal("15"), Decimal("1")), ItemSpec("收费", Decimal("10"), Decimal("0.5"))]


def test_plan_create_writes_items_and_audits(world):
    plan = services.plan_create(actor=world.bureau, organisation=world.bureau_org, data=DATA, items=ITEMS)
    assert plan.state == PlanState.DRAFT
    assert [(i.name, i.max_score, i.weight, i.organisation_id) for i in plan.items.all()] == [
        ("德育活动", Decimal("15"), Decimal("1"), world.bureau_org.pk),
        ("收费", Decimal("10"), Decimal("0.5"), world.bureau_org.pk),
    ]
    entry = AuditEntry.objects.get(action="inspections.plan.created")
    assert entry.after["items"][1] == ["收费", "10.00", "0.500"]


@pytest.mark.parametrize(
    ("data", "items", "message"),
    [
        ({**DATA, "good_from": Decimal("95")}, ITEMS, "等次分数线须从高到低"),
        ({**DATA, "pass_from": Decimal("-1")}, ITEMS, "等次分数线须从高到低"),
        (DATA, [ItemSpec("德育活动", Decimal("15"), Decimal("0"))], "第1项“德育活动”的权重须大于0"),
        (DATA, [ItemSpec("体艺", Decimal("0"), Decimal("1"))], "第1项“体艺”的满分须大于0"),
        (DATA, [*ITEMS, ITEMS[0]], "第3项“德育活动”重复"),
        (DATA, [], "请至少填写一个考核项目"),
        ({**DATA, "title": " "}, ITEMS, "请填写考核名称"),
    ],
)
def test_bad_plans_are_refused_and_nothing_is_written(world, data, items, message):
    with pytest.raises(ValidationError) as exc:
        services.plan_create(actor=world.bureau, organisation=world.bureau_org, data=data, items=items)
    assert message in " ".join(exc.value.messages)
    assert not InspectionPlan.objects.exists() and not PlanItem.objects.exists()


def test_branch_officers_cannot_create_plans(world):
    with pytest.raises(Http404):
        services.plan_create(actor=world.secretary, organisation=world.bureau_org, data=DATA, items=ITEMS)
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=world.secretary, organisation=world.branch, data=DATA, items=ITEMS)


def test_items_change_only_in_a_draft(world):
    plan = services.plan_create(actor=world.bureau, organisation=world.bureau_org, data=DATA, items=ITEMS)
    plan = services.plan_update(
        actor=world.bureau, plan=plan, version=plan.version, data=DATA, items=ITEMS[:1]
    )
    assert plan.items.count() == 1
    plan = services.plan_open(actor=world.bureau, plan=plan)
    with pytest.raises(ValidationError) as exc:
        services.plan_update(actor=world.bureau, plan=plan, version=plan.version, data=DATA, items=ITEMS)
    assert "已开始评分" in " ".join(exc.value.messages)
    # the same items with other thresholds is fine while scoring
    plan = services.plan_update(
        actor=world.bureau,
        plan=plan,
        version=plan.version,
        data={**DATA, "excellent_from": 92},
        items=ITEMS[:1],
    )
    assert plan.excellent_from == 92


def _cells(plan, branch, *values):
    return {
        (branch.pk, item.pk): Cell(score=v)
        for item, v in zip(plan.items.order_by("order"), values, strict=False)
    }


def test_score_set_writes_the_table_and_one_audit_entry(world):
    plan = make_plan(world)
    changed = services.score_set(
        actor=world.bureau,
        plan=plan,
        cells={**_cells(plan, world.branch, "14", "18.5"), **_cells(plan, world.other_branch, "13")},
    )
    assert changed == 3
    assert sorted(Score.objects.values_list("organisation_id", "score")) == sorted(
        [
            (world.branch.pk, Decimal("14")),
            (world.branch.pk, Decimal("18.5")),
            (world.other_branch.pk, Decimal("13")),
        ]
    )
    assert set(Score.objects.values_list("inspector_id", flat=True)) == {world.bureau.pk}
    entry = AuditEntry.objects.get(action="inspections.scores.set")
    assert entry.after == {
        "XX市育才学校党支部/德育活动": "14",
        "XX市育才学校党支部/学案导学": "18.5",
        "XX市第十四中学党支部/德育活动": "13",
    }


def test_score_set_updates_clears_and_refuses_a_stale_cell(world):
    plan = make_plan(world)
    give(plan, world.branch, 14, 18)
    first, second = Score.objects.order_by("item__order")
    services.score_set(
        actor=world.bureau,
        plan=plan,
        cells={
            (world.branch.pk, first.item_id): Cell("15", remark="优秀", version=first.version),
            (world.branch.pk, second.item_id): Cell("", version=second.version),
        },
    )
    first.refresh_from_db()
    assert (first.score, first.remark, first.version) == (Decimal("15"), "优秀", 2)
    assert not Score.objects.filter(pk=second.pk).exists()
    with pytest.raises(ValidationError) as exc:
        services.score_set(
            actor=world.bureau, plan=plan, cells={(world.branch.pk, first.item_id): Cell("12", version=1)}
        )
    assert "XX市育才学校党支部的“德育活动”得分已被他人修改" in exc.value.messages[0]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("16", "XX市育才学校党支部的“德育活动”得分16超过该项满分15"),
        ("-1", "XX市育才学校党支部的“德育活动”得分-1不能为负数"),
        ("十分", "XX市育才学校党支部的“德育活动”得分“十分”不是数字"),
        ("14.555", "最多保留两位小数"),
        ("NaN", "不是数字"),
    ],
)
def test_a_bad_cell_refuses_the_whole_table(world, value, message):
    plan = make_plan(world)
    cells = {**_cells(plan, world.other_branch, "13", "18"), **_cells(plan, world.branch, value, "18")}
    with pytest.raises(ValidationError) as exc:
        services.score_set(actor=world.bureau, plan=plan, cells=cells)
    assert any(message in m for m in exc.value.messages), exc.value.messages
    assert not Score.objects.exists()
    assert not AuditEntry.objects.filter(action="inspections.scores.set").exists()


def test_cells_outside_the_plan_are_refused(world):
    plan = make_plan(world)
    elsewhere = make_org("elsewhere", "XX县第一中学党支部")
    item = plan.items.first()
    with pytest.raises(ValidationError) as exc:
        services.score_set(actor=world.bureau, plan=plan, cells={(elsewhere.pk, item.pk): Cell("10")})
    assert "不属于本次考核" in exc.value.messages[0]
    assert not Score.objects.exists()


def test_scores_only_while_open_and_publish_freezes(world):
    draft = make_plan(world, state=PlanState.DRAFT)
    with pytest.raises(ValidationError, match="尚未开始评分"):
        services.score_set(actor=world.bureau, plan=draft, cells=_cells(draft, world.branch, "10"))
    plan = make_plan(world)
    with pytest.raises(ValidationError, match="还没有任何得分"):
        services.plan_publish(actor=world.bureau, plan=plan)
    services.score_set(actor=world.bureau, plan=plan, cells=_cells(plan, world.branch, "10"))
    plan = services.plan_publish(actor=world.bureau, plan=plan)
    assert plan.state == PlanState.PUBLISHED and plan.published_by == world.bureau and plan.published_at
    with pytest.raises(ValidationError, match="已发布，得分已冻结"):
        services.score_set(actor=world.bureau, plan=plan, cells=_cells(plan, world.branch, "11"))
    with pytest.raises(ValidationError, match="已发布"):
        services.plan_update(actor=world.bureau, plan=plan, version=plan.version, data=DATA, items=ITEMS)
    assert Score.objects.get().score == Decimal("10")


def test_plan_open_needs_items(world):
    plan = make_plan(world, state=PlanState.DRAFT, items=[])
    with pytest.raises(ValidationError, match="请先添加考核项目"):
        services.plan_open(actor=world.bureau, plan=plan)


def test_another_bureau_cannot_touch_the_plan(world):
    other = make_org("county", "XX县教育局党委", kind="committee")
    stranger = make_user("county-bureau", other, "bureau", subtree=True)
    plan = make_plan(world)
    with pytest.raises(Http404):
        services.score_set(actor=stranger, plan=plan, cells=_cells(plan, world.branch, "10"))
    with pytest.raises(Http404):
        services.plan_publish(actor=stranger, plan=plan)
