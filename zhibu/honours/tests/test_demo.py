"""The demo gives the seed summary's numbers over 2021-09-01..2023-07-31."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.honours.demo_data import load as load_honours
from zhibu.people.demo_data import load as load_core

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_honours()
    return Organisation.objects.get(code="yucai")


def value(code, org, **params):
    return figures.compute(code, org, SPAN, **params).value


def test_demo_matches_the_seed(school):
    assert value("honours.competition_rounds", school, kind="lesson") == 4  # 共四次
    assert value("honours.competition_rate", school) == Decimal("80.0")  # 党员参与人数达到80%
    assert value("honours.competition_awards", school, kind="study_plan") == 3  # 3名党员的学案获奖
    assert value("honours.competition_members", school) == 13
    assert value("honours.count", school, level="province") == 1  # 辽宁省规范收费先进校
    assert value("honours.count", school, kind="advanced_branch") == 1  # 局先进党支部
    assert value("honours.count", school, kind="paper") == 3  # 多篇论文获奖
    assert value("honours.count", school, kind="work") == 2  # 诗词作品和摄影作品
    members = figures.compute("honours.count", school, SPAN, level="school", kind="excellent_member").records
    assert {h.person.name for h in members} >= {"刘丹", "王春华"}  # 校级优秀共产党员4人
    assert value("honours.count", school, level="school", kind="excellent_member") == 4
    bureau = Organisation.objects.get(code="bureau")
    assert value("honours.count", bureau) == value("honours.count", school) + 1
