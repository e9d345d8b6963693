"""The demo school has pledges over the campaign (some closed, one reopened, some overdue) and this
school year's, with the overdue items found; the annual summary gains its paragraph."""

from datetime import date

import pytest
from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.people.demo_data import load as load_core
from zhibu.pledges.demo_data import load as load_pledges
from zhibu.pledges.models import ClosingKind, Duty, ItemClosing, PledgeItem
from zhibu.reports.drafting import draft

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_pledges()
    return Organisation.objects.get(code="yucai")


def test_the_campaign_has_pledges_closings_a_reopening_and_overdue_items(school):
    assert figures.compute("pledges.made", school, SPAN).value == 9  # 2 branch + 7 members
    assert figures.compute("pledges.items_closed", school, SPAN).value == 18
    overdue = [f for f in findings.run(school, SPAN, codes=["pledges.item_overdue"])]
    assert len(overdue) == 1
    assert {i.content for i in overdue[0].evidence} == {
        "培养一名入党积极分子为发展对象",
        "包教一名学困生，学期末成绩明显提高",
    }
    reopened = ItemClosing.objects.get(kind=ClosingKind.REOPENED)
    assert list(reopened.item.closings.values_list("kind", flat=True)) == ["closed", "reopened", "closed"]
    assert reopened.item.closings.exclude(attachment="").count() == 1
    assert Duty.objects.filter(organisation=school).count() == 5


def test_this_school_year_has_an_overdue_item_and_a_closed_one(school):
    today = timezone.localdate()
    year = Period.span(date(today.year - 1, 9, 1), today)
    found = list(findings.run(school, year, codes=["pledges.item_overdue"]))
    assert any("走访慰问退休老党员" in f.message for f in found)
    assert PledgeItem.objects.filter(organisation=school, closed_on__isnull=True, due_on__gt=today).exists()


def test_the_annual_summary_has_the_pledges_paragraph(school):
    document, values = draft("annual", school, SPAN)
    text = "\n".join(str(getattr(b, "text", "")) for b in document.blocks)
    assert "作出公开承诺{fig:pledges.made}" in text
    assert values["pledges.made"]["value"] == "9"
