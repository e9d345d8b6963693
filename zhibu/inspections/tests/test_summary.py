"""二、取得的成绩 of a branch's annual summary cites its published result, with the total linked to
the scores behind it; a plan that is not published is never cited. And the demo shows the tie."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.inspections import selectors
from zhibu.inspections.demo_data import load as load_inspections
from zhibu.inspections.models import InspectionPlan, PlanState
from zhibu.people.demo_data import load as load_core
from zhibu.reports.document import Heading, Paragraph
from zhibu.reports.drafting import draft

from .helpers import give, make_plan

pytestmark = pytest.mark.django_db
YEAR = Period.year(2023)
SENTENCE = "在2023年度市直学校党建重点工作检查中获评优秀，总分92.00分，名列市直第二名。"


def _text(document) -> str:
    """Headings and paragraphs as a reader sees them: references replaced by their values."""
    lines = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Paragraph):
            lines.append("".join(run if isinstance(run, str) else run.text for run in block.runs))
    return "\n".join(lines)


@pytest.fixture
def scored(world):
    plan = make_plan(world)
    give(plan, world.branch, 13.5, 18, 14.5, 9, 37)  # 92
    give(plan, world.other_branch, 15, 20, 15, 10, 40)  # 100
    return plan


def test_summary_cites_the_rank_only_after_publishing(world, scored):
    document, _values = draft("annual", world.branch, YEAR)
    assert "重点工作检查" not in _text(document)
    assert figures.compute("inspections.scores", world.branch, YEAR).value == 0
    InspectionPlan.objects.filter(pk=scored.pk).update(state=PlanState.PUBLISHED)
    document, values = draft("annual", world.branch, YEAR)
    text = _text(document)
    assert SENTENCE in text
    assert text.index("取得的成绩") < text.index(SENTENCE) < text.index("存在的不足")
    assert values[f"inspections.total|plan={scored.pk}"]["value"] == "92.00"
    run = next(r for r in document.figure_runs() if r.code == "inspections.total")
    assert run.link.startswith("/figures/inspections.total/?org=yucai") and f"p.plan={scored.pk}" in run.link


def test_the_total_figure_links_to_the_branch_scores_only(world, scored):
    InspectionPlan.objects.filter(pk=scored.pk).update(state=PlanState.PUBLISHED)
    value = figures.compute("inspections.total", world.branch, YEAR, plan=str(scored.pk))
    assert value.value == Decimal("92.00")
    assert {s.organisation_id for s in value.records} == {world.branch.pk} and value.records.count() == 5
    assert figures.compute("inspections.scores", world.branch, YEAR).value == 5
    assert figures.compute("inspections.scores", world.bureau_org, YEAR).value == 10
    assert figures.compute("inspections.scores", world.branch, Period.year(2024)).value == 0


def test_a_failing_result_is_cited_without_a_level(world):
    plan = make_plan(world, state=PlanState.PUBLISHED)
    give(plan, world.branch, 5, 5, 5, 5, 5)
    document, _values = draft("annual", world.branch, YEAR)
    assert "在2023年度市直学校党建重点工作检查中总分25.00分，名列市直第一名。" in _text(document)


def test_the_demo_ranks_the_seed_school_fourth_behind_a_tie(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_inspections()
    plan = InspectionPlan.objects.get()
    ranks = [(r.branch_name, r.rank, r.level_label) for r in selectors.results(plan)]
    assert [rank for _name, rank, _level in ranks] == [1, 2, 2, 4]
    assert ranks[3] == ("XX市育才学校党支部", 4, "优秀")
    school = Organisation.objects.get(code="yucai")
    document, _values = draft("annual", school, Period.span(date(2021, 9, 1), date(2023, 7, 31)))
    assert "获评优秀，总分92.00分，名列市直第四名" in _text(document)
