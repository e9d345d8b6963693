"""Development figures from the pipeline and the one status history, and the paragraph of the
membership part whose numbers are figure references."""

from datetime import date

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.development.models import Step
from zhibu.reports.drafting import draft

from . import helpers

pytestmark = pytest.mark.django_db
YEAR_2022 = Period.year(2022)


@pytest.fixture
def walked(world):
    helpers.walk(world, helpers.applicant(world), Step.OATH)
    helpers.walk(world, helpers.applicant(world, "王秀英"), Step.ACTIVIST)
    return world


@pytest.mark.parametrize(
    ("code", "period", "value"),
    [
        ("development.applications", Period.year(2021), 2),
        ("development.developed", YEAR_2022, 1),
        ("development.applicants", YEAR_2022, 0),
        ("development.activists", YEAR_2022, 2),  # 王秀英 and the world's 何静
        ("development.candidates", Period.span(date(2022, 6, 1), date(2022, 6, 1)), 1),
        ("development.probationary", YEAR_2022, 1),
        ("development.probationary_due", YEAR_2022, 0),
        ("development.probationary_due", Period.year(2023), 1),
    ],
)
def test_figures(walked, code, period, value):
    result = figures.compute(code, walked.branch, period)
    assert result.value == value
    assert result.records.count() == value


def test_the_membership_part_reports_development_with_figure_references(walked):
    document, values = draft("annual", walked.branch, YEAR_2022)
    codes = {run.code for run in document.figure_runs()}
    assert {"development.developed", "development.activists", "development.probationary"} <= codes
    assert "development.probationary_due" not in codes  # none due in 2022: the clause is left out
    text = "\n".join(str(getattr(b, "text", "")) for b in document.blocks)
    assert "严格程序，做好发展党员工作" in text
    assert values["development.developed"]["value"] == "1"
