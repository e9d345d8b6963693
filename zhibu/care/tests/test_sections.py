"""The care paragraphs of the annual summary, drafted from the demo school's records with the
seed's numbers; nothing names a visited person, a student family or a donor."""

from datetime import date

import pytest

from zhibu.care.demo_data import load as load_care
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.people.demo_data import load as load_core
from zhibu.reports.drafting import draft

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_care()
    return Organisation.objects.get(code="yucai")


def _text(document) -> str:
    return "\\n".join(str(getattr(b, "text", "")) for b in document.blocks)


def test_annual_summary_has_the_care_paragraphs(school):
    document, values = draft("annual", school, SPAN)
    text = _text(document)
    assert "每年走访慰问都达{fig:care.visit_person_times_yearly_min}以上" in text
    assert "学校办公室每月给退休教工打一次问寒问暖电话" in text
    assert "党员又呼吁社会援助筹措资金{fig:care.donations_outside}" in text
    assert values["care.visit_person_times_yearly_min"]["value"] == "23"
    assert values["care.donations_own"]["value"] == "3350.00"
    assert values["care.donations_outside"]["value"] == "11100.00"
    for private in ("万福业", "学生家庭（", "丹报", "于雪华"):
        assert private not in text


def test_an_empty_period_leaves_the_sections_out(school):
    document, _values = draft("annual", school, Period.year(2019))
    text = _text(document)
    assert "尚未登记" not in text
    assert "送温暖、献爱心" not in text and "献爱心捐款" not in text
