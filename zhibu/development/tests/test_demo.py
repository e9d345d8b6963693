"""The demo school's pipeline is empty but for its two activists, and the seed's weakness is
computed from it."""

from datetime import date

import pytest
from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.development import selectors
from zhibu.development.demo_data import load as load_development
from zhibu.people.demo_data import load as load_core

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_development()
    return Organisation.objects.get(code="yucai")


def test_the_pipeline_holds_only_the_two_activists(school):
    today = timezone.localdate()
    rows = selectors.pipeline_rows(selectors.pipeline_people(school), today)
    assert sorted(r.person.name for r in rows) == ["何静", "郑浩"]
    assert {r.stage for r in rows} == {"activist"}
    assert all(r.state != "overdue" or r.next.step == "candidate" for r in rows)
    assert figures.compute("development.activists", school, SPAN).value == 2
    assert figures.compute("development.developed", school, SPAN).value == 0


def test_the_weakness_is_computed_from_the_pipeline(school):
    found = [f.message for f in findings.run(school, SPAN, codes=["development.no_development"])]
    assert found == [
        "XX市育才学校党支部近两年没有发展党员，积极分子培养有待加强"
        "（发展党员纪实：现有入党申请人0人、入党积极分子2人、发展对象0人）"
    ]


def test_the_demo_keeps_one_history(school):
    he = selectors.pipeline_people(school).get(name="何静")
    assert he.status_changes.count() == 1
    step = selectors.steps_of_person(he)[2]
    assert step.step == "activist" and step.status_change_id == he.status_changes.get().pk
    assert {p.name for p in step.sponsors.all()} == {"张文华", "刘丹"}
    for code in ("development.review_overdue", "development.talk_overdue"):
        assert not list(findings.run(school, Period.year(timezone.localdate().year), codes=[code]))
