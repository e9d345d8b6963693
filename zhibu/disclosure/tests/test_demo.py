"""The demo school's board: a published plan, an open 公示 with one answered objection and a draft;
the seed years' items for the two-year summary; and its disclosure paragraph with linked numbers."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.disclosure.demo_data import load as load_disclosure
from zhibu.disclosure.models import Notice, Status
from zhibu.people.demo_data import load as load_core
from zhibu.reports.drafting import draft

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_disclosure()
    return Organisation.objects.get(code="yucai")


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("disclosure.published", 4),
        ("disclosure.notices_held", 1),
        ("disclosure.objections", 1),
        ("disclosure.objections_answered", 1),
    ],
)
def test_seed_figures(school, code, value):
    assert figures.compute(code, school, SPAN).value == value


def test_the_board_now(school, client):
    page = client.get(reverse("board:index", args=["yucai"])).content.decode()
    assert "年工作计划" in page and "年度优秀共产党员推荐人选公示" in page
    assert "下半年主题党日活动安排" not in page  # the draft
    assert Notice.objects.filter(organisation=school, status=Status.DRAFT).count() == 1
    other = client.get(reverse("board:index", args=["school-14"])).content.decode()
    assert "第十四中学党支部工作计划" not in other
    assert not list(findings.run(school, SPAN, codes=["disclosure.objection_unanswered"]))


def test_annual_summary_has_the_disclosure_paragraph(school):
    document, values = draft("annual", school, SPAN)
    text = "\n".join(str(getattr(b, "text", "")) for b in document.blocks)
    assert "本期间通过党务公开栏发布公开事项{fig:disclosure.published}" in text
    assert (
        "公示期间收到群众意见{fig:disclosure.objections}，已答复{fig:disclosure.objections_answered}" in text
    )
    assert values["disclosure.published"]["value"] == "4"
    assert "王老师" not in text and "学校办公室转" not in text


def test_an_empty_period_leaves_the_section_out(school):
    document, _values = draft("annual", school, Period.year(2019))
    text = "\n".join(str(getattr(b, "text", "")) for b in document.blocks)
    assert "尚未发布党务公开事项" not in text and "推行党务公开" not in text
