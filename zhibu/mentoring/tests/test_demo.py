from datetime import date

import pytest
import time_machine

from zhibu.core.models import User
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.mentoring import selectors
from zhibu.mentoring.demo_data import load as load_mentoring
from zhibu.mentoring.models import MentoringCase, MentoringLog, Student
from zhibu.people.demo_data import load as load_core


@pytest.fixture
def demo_world(db, monkeypatch):
    monkeypatch.setenv("ZHIBU_DEMO_PASSWORD", "Demo-pass-123")
    with time_machine.travel(date(2026, 11, 25), tick=False):
        load_core()
        load_mentoring()
        yield


def test_demo_mentoring(demo_world):
    assert MentoringCase.objects.count() == 28
    assert Student.objects.filter(left_on__year=2022).count() == 2
    member = User.objects.get(username="member")
    mine = selectors.cases_readable(member)
    assert mine.count() == 2 and {c.mentor.name for c in mine} == {"刘丹"}
    assert selectors.cases_readable(User.objects.get(username="secretary")).count() == 28
    assert selectors.cases_readable(User.objects.get(username="committee")).count() == 2  # her own
    assert MentoringCase.objects.filter(outcome="turned").count() == 4
    assert MentoringLog.objects.count() > 14 * 2 * 18
    school = Period.span(date(2021, 9, 1), date(2023, 7, 31))
    found = list(
        findings.run(member.grants.get().organisation, school, codes=["mentoring.no_review_in_month"])
    )
    assert len(found) == 2  # the two deliberate gaps
