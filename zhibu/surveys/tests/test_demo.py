"""The demo survey's results equal the reference's rates: 满意 95 %, 基本满意 5 %."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.people.demo_data import load as load_core
from zhibu.surveys.demo_data import load as load_surveys
from zhibu.surveys.sections import satisfaction

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


class Ctx:
    document = "annual"

    def __init__(self, org):
        self.org = org

    def value(self, code, **params):
        return figures.compute(code, self.org, SPAN, **params)


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_surveys()
    return Organisation.objects.get(code="yucai")


def test_the_demo_survey_gives_the_references_rates(school):
    assert figures.compute("surveys.responses", school, SPAN).value == 20
    satisfied = figures.compute("surveys.satisfied_rate", school, SPAN)
    assert satisfied.value == Decimal(95) and str(satisfied) == "95%"
    assert str(figures.compute("surveys.basic_rate", school, SPAN)) == "5%"
    assert figures.compute("surveys.unsatisfied_rate", school, SPAN).value == 0
    [para] = satisfaction(school, SPAN, Ctx(school))
    assert para.text == (
        "开展满意度测评，收回问卷{fig:surveys.responses}，满意率达到{fig:surveys.satisfied_rate}，"
        "基本满意{fig:surveys.basic_rate}。"
    )


def test_the_three_rates_share_one_count_within_a_unit_of_work(school):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zhibu.core import memo

    codes = ("surveys.satisfied_rate", "surveys.basic_rate", "surveys.unsatisfied_rate")
    alone = [figures.compute(code, school, SPAN).value for code in codes]
    with memo.memoised(), CaptureQueriesContext(connection) as ctx:
        shared = [figures.compute(code, school, SPAN).value for code in codes]
    assert shared == alone == [Decimal(95), Decimal(5), 0]
    assert len(ctx.captured_queries) == 1
