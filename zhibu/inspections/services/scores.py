"""The score table: inspectors enter scores per branch and item, a whole table (rows branches,
columns items) or one item's column with remarks, in one call. Every cell is checked first; a score
above the item's full marks, negative, or not a number refuses the whole table with a message
naming the branch and the item, and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes

from .. import selectors
from ..audit_actions import InspectionsAction
from ..models import ZERO, InspectionPlan, PlanState, Score, plain

PLACES = 2


@dataclass(frozen=True)
class Cell:
    """One cell as the page sent it: the score text ("" clears it), the remark (None: unchanged) and
    the version of the score the inspector saw (0: there was none)."""

    score: str | Decimal | None
    remark: str | None = None
    version: int = 0


def _number(text: str | Decimal | None) -> Decimal | None:
    if text is None or isinstance(text, Decimal):
        return text
    text = str(text).strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def _check(plan: InspectionPlan, cells: dict[tuple[int, int], Cell]):
    """(wanted {key: (score, remark)}, errors) — nothing read per cell."""
    branches = dict(selectors.branches_of(plan).values_list("pk", "name"))
    items = {item.pk: item for item in selectors.items_of(plan)}
    wanted: dict[tuple[int, int], tuple[Decimal | None, str | None, int]] = {}
    errors: list[str] = []
    for (branch_id, item_id), cell in sorted(cells.items()):
        if branch_id not in branches or item_id not in items:
            errors.append(_("表中有不属于本次考核的单位或项目，请刷新页面后重新填写。"))
            continue
        item = items[item_id]
        where = _("%(branch)s的“%(item)s”") % {"branch": branches[branch_id], "item": item.name}
        try:
            value = _number(cell.score)
        except ValueError as exc:
            errors.append(_("%(where)s得分“%(text)s”不是数字。") % {"where": where, "text": exc.args[0]})
            continue
        if value is not None:
            if value < ZERO:
                errors.append(_("%(where)s得分%(v)s不能为负数。") % {"where": where, "v": value})
                continue
            if value > item.max_score:
                errors.append(
                    _("%(where)s得分%(v)s超过该项满分%(max)s。")
                    % {"where": where, "v": value, "max": plain(item.max_score)}
                )
                continue
            if -value.as_tuple().exponent > PLACES:
                errors.append(_("%(where)s得分%(v)s最多保留两位小数。") % {"where": where, "v": value})
                continue
        remark = cell.remark.strip()[:200] if cell.remark is not None else None
        wanted[(branch_id, item_id)] = (value, remark, cell.version)
    return wanted, branches, items, errors


@writes.service
def score_set(*, actor, plan: InspectionPlan, cells: dict[tuple[int, int], Cell]) -> int:
    """Write the cells that changed; returns how many. One audit entry for the table."""
    policy.require(actor, "inspections.score", plan)
    if plan.state == PlanState.PUBLISHED:
        raise ValidationError(_("考核结果已发布，得分已冻结，不能再修改。"))
    if plan.state != PlanState.OPEN:
        raise ValidationError(_("考核尚未开始评分，请先确定考核项目并开始评分。"))
    wanted, branches, items, errors = _check(plan, cells)
    current = selectors.score_table(plan)
    creates, updates, deletes = [], [], []
    before, after = {}, {}
    for key, (value, remark, seen) in wanted.items():
        row = current.get(key)
        label = f"{branches[key[0]]}/{items[key[1]].name}"
        if row is None and value is None:
            continue
        new_remark = remark if remark is not None else (row.remark if row else "")
        if row is not None and row.score == value and row.remark == new_remark:
            continue
        if (row.version if row else 0) != seen:
            errors.append(
                _("%(branch)s的“%(item)s”得分已被他人修改，请刷新页面后再填写。")
                % {"branch": branches[key[0]], "item": items[key[1]].name}
            )
            continue
        before[label] = str(row.score) if row else None
        after[label] = str(value) if value is not None else None
        if row is None:
            creates.append(
                Score(
                    plan=plan,
                    item_id=key[1],
                    organisation_id=key[0],
                    score=value,
                    remark=new_remark,
                    inspector=actor,
                )
            )
        elif value is None:
            deletes.append(row.pk)
        else:
            row.score, row.remark, row.inspector = value, new_remark, actor
            row.version += 1
            row.updated_at = timezone.now()
            updates.append(row)
    if errors:
        raise ValidationError(errors)
    Score.objects.bulk_create(creates)
    Score.objects.bulk_update(updates, ["score", "remark", "inspector", "version", "updated_at"])
    Score.objects.filter(pk__in=deletes).delete()
    changed = len(creates) + len(updates) + len(deletes)
    if changed:
        audit.record(actor, InspectionsAction.SCORES_SET, plan, before=before, after=after)
    return changed
