"""The demo school: default rules, points for every member computed from the demo ledgers, and
last year's appraisal (4 优秀 of 17, within a third); the annual summary's appraisal paragraph is
drafted from these figures, naming nobody."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from zhibu.appraisal import selectors
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import demo, figures
from zhibu.reports.drafting import draft

SEED = Period.span(date(2021, 9, 1), date(2023, 7, 31))
LEDGERS = ("core", "meetings", "study", "service", "care", "mentoring", "appraisal")
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    for loader in demo.loaders():
        if loader.name in LEDGERS:
            loader.func()
    return Organisation.objects.get(code="yucai")


def _text(document) -> str:
    return "\n".join(str(getattr(b, "text", "")) for b in document.blocks)


def test_every_member_has_points_and_the_year_is_appraised(school):
    for period in (SEED, Period.year(timezone.localdate().year)):
        ranking = selectors.ranking(school, period)
        assert len(ranking) == 17 and all(r.points > 0 for r in ranking), period
    year = Period.year(LAST_YEAR)
    assert figures.compute("appraisal.appraised", school, year).value == 17
    assert figures.compute("appraisal.excellent", school, year).value == 4
    assert figures.compute("appraisal.passing_rate", school, year).value == Decimal("94.1")  # 16 of 17
    tally = {a.person.name: a.n_excellent for a in selectors.appraisal_list(school, LAST_YEAR)}
    assert tally["刘丹"] > tally["张文华"] == 0


def test_the_annual_summary_has_the_appraisal_paragraph(school):
    document, values = draft("annual", school, Period.year(LAST_YEAR))
    text = _text(document)
    assert "实行党员积分管理" in text and "党员共获得积分{fig:appraisal.points_total}" in text
    assert "评出优秀党员{fig:appraisal.excellent}" in text and "合格率{fig:appraisal.passing_rate}" in text
    assert values["appraisal.excellent"]["value"] == "4"
    for name in ("刘丹", "苑蓉晖", "高峰"):
        assert name not in text


def test_an_empty_year_leaves_the_section_out(school):
    text = _text(draft("annual", school, Period.year(2019))[0])
    assert "尚未开展党员积分和民主评议" not in text and "开展民主评议党员" not in text
