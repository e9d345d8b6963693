"""Writes of 检查评比: plans with their items, the score table, opening and publishing.

A plan moves 草稿 → 评分中 → 已发布. Items (and their full marks and weights) change only in 草稿,
so no score is ever above a full mark that changed under it; scores are entered only while 评分中;
publishing freezes everything, and from then on the branches see their results.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.models import Organisation

from .. import selectors
from ..audit_actions import InspectionsAction
from ..models import ZERO, InspectionPlan, PlanItem, PlanState

HUNDRED = Decimal("100")


@dataclass(frozen=True)
class ItemSpec:
    """An item as the plan form gives it."""

    name: str
    max_score: Decimal
    weight: Decimal


def _clean_thresholds(data: dict) -> dict:
    excellent, good, passing = data["excellent_from"], data["good_from"], data["pass_from"]
    if not (HUNDRED >= excellent > good > passing >= ZERO):
        raise ValidationError(
            {
                "excellent_from": _(
                    "等次分数线须从高到低：优秀（%(e)s）> 良好（%(g)s）> 合格（%(p)s），且在0到100之间。"
                )
                % {"e": excellent, "g": good, "p": passing}
            }
        )
    return {"excellent_from": excellent, "good_from": good, "pass_from": passing}


def _clean_plan(data: dict) -> dict:
    title = (data.get("title") or "").strip()
    if not title:
        raise ValidationError({"title": _("请填写考核名称。")})
    year = data.get("year")
    if not year or not 2000 <= int(year) <= 2100:
        raise ValidationError({"year": _("考核年度应在2000年至2100年之间。")})
    return {
        "title": title,
        "year": int(year),
        "scope_label": (data.get("scope_label") or "").strip(),
        **_clean_thresholds(data),
    }


def _clean_items(items: list[ItemSpec]) -> list[ItemSpec]:
    if not items:
        raise ValidationError({"items": _("请至少填写一个考核项目。")})
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        where = _("第%(n)d项“%(name)s”") % {"n": n, "name": item.name}
        if not item.name.strip():
            raise ValidationError({"items": _("第%(n)d项缺少项目名称。") % {"n": n}})
        if item.name in seen:
            raise ValidationError({"items": _("%(where)s重复。") % {"where": where}})
        seen.add(item.name)
        if item.max_score <= ZERO:
            raise ValidationError({"items": _("%(where)s的满分须大于0。") % {"where": where}})
        if item.weight <= ZERO:
            raise ValidationError({"items": _("%(where)s的权重须大于0。") % {"where": where}})
    return items


def _write_items(plan: InspectionPlan, items: list[ItemSpec]) -> None:
    plan.items.all().delete()
    rows = [
        PlanItem(
            plan=plan,
            organisation_id=plan.organisation_id,
            name=item.name.strip(),
            max_score=item.max_score,
            weight=item.weight,
            order=n,
        )
        for n, item in enumerate(items, start=1)
    ]
    for row in rows:
        row.full_clean(exclude=["plan"])
    PlanItem.objects.bulk_create(rows)


def _items_snapshot(plan: InspectionPlan) -> list[list[str]]:
    return [[i.name, str(i.max_score), str(i.weight)] for i in selectors.items_of(plan)]


@writes.service
def plan_create(*, actor, organisation: Organisation, data: dict, items: list[ItemSpec]) -> InspectionPlan:
    policy.require(actor, "inspections.manage", organisation)
    fields = _clean_plan(data)
    items = _clean_items(items)
    plan = InspectionPlan(organisation=organisation, **fields)
    plan.full_clean()
    plan.save()
    _write_items(plan, items)
    audit.record(
        actor,
        InspectionsAction.PLAN_CREATED,
        plan,
        after={**audit.snapshot(plan), "items": _items_snapshot(plan)},
    )
    return plan


@writes.service
def plan_update(
    *, actor, plan: InspectionPlan, version: int | None, data: dict, items: list[ItemSpec]
) -> InspectionPlan:
    """Title, year and thresholds until publishing; the items only while a draft."""
    policy.require(actor, "inspections.manage", plan)
    if plan.is_published:
        raise ValidationError(_("考核结果已发布，不能再修改。"))
    fields = _clean_plan(data)
    items = _clean_items(items)
    before_items = _items_snapshot(plan)
    current = [(i.name, i.max_score, i.weight) for i in selectors.items_of(plan)]
    changed = current != [(i.name.strip(), i.max_score, i.weight) for i in items]
    if changed and plan.state != PlanState.DRAFT:
        raise ValidationError({"items": _("已开始评分，考核项目、满分和权重不能再修改。")})
    if changed:
        _write_items(plan, items)
    return writes.model_update(
        plan,
        actor=actor,
        action=InspectionsAction.PLAN_UPDATED,
        version=version,
        fields=fields,
        extra_before={"items": before_items},
        extra_after={"items": _items_snapshot(plan)},
    )


@writes.service
def plan_open(*, actor, plan: InspectionPlan) -> InspectionPlan:
    """草稿 → 评分中: the items are settled, inspectors may enter scores."""
    policy.require(actor, "inspections.manage", plan)
    if plan.state != PlanState.DRAFT:
        raise ValidationError(_("只有草稿状态的考核可以开始评分。"))
    if not plan.items.exists():
        raise ValidationError(_("请先添加考核项目。"))
    return writes.model_change(
        plan, actor=actor, action=InspectionsAction.PLAN_OPENED, fields={"state": PlanState.OPEN}
    )


@writes.service
def plan_publish(*, actor, plan: InspectionPlan) -> InspectionPlan:
    """评分中 → 已发布: scores freeze, and each branch sees its own result."""
    policy.require(actor, "inspections.manage", plan)
    if plan.state != PlanState.OPEN:
        raise ValidationError(_("只有评分中的考核可以发布结果。"))
    if not plan.scores.exists():
        raise ValidationError(_("还没有任何得分，不能发布结果。"))
    return writes.model_change(
        plan,
        actor=actor,
        action=InspectionsAction.PLAN_PUBLISHED,
        fields={"state": PlanState.PUBLISHED, "published_at": timezone.now(), "published_by": actor},
    )
