"""Disclosure figures and the unanswered-objection rule."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings

from . import helpers

pytestmark = pytest.mark.django_db
YEAR = Period.year(2023)


def _value(code, org, period=YEAR):
    return figures.compute(code, org, period).value


def test_published_notices_and_objections(world):
    helpers.notice(world.branch, publish_from=date(2023, 2, 20))
    helpers.draft(world.branch, publish_from=date(2023, 3, 1))
    notice = helpers.notice(
        world.branch, kind="notice", publish_from=date(2023, 6, 20), publish_until=date(2023, 6, 26)
    )
    helpers.objection(notice, date(2023, 6, 21), answer="已答复", answered_on=date(2023, 6, 22))
    helpers.objection(notice, date(2023, 6, 22))
    helpers.notice(world.other_branch, publish_from=date(2023, 2, 20))
    assert _value("disclosure.published", world.branch) == 2  # the draft is not published
    assert _value("disclosure.notices_held", world.branch) == 1
    assert _value("disclosure.objections", world.branch) == 2
    assert _value("disclosure.objections_answered", world.branch) == 1
    assert _value("disclosure.published", world.bureau_org) == 3
    assert _value("disclosure.published", world.branch, Period.year(2022)) == 0


def _found(org, period=YEAR) -> list[str]:
    return [f.message for f in findings.run(org, period, codes=["disclosure.objection_unanswered"])]


def test_an_objection_unanswered_at_the_end_is_a_finding(world):
    notice = helpers.notice(
        world.branch,
        kind="notice",
        title="推荐人选公示",
        publish_from=date(2023, 6, 20),
        publish_until=date(2023, 6, 26),
    )
    helpers.objection(notice, date(2023, 6, 21))
    helpers.objection(notice, date(2023, 6, 22), answer="已答复", answered_on=date(2023, 6, 25))
    helpers.objection(notice, date(2023, 6, 23), answer="迟复", answered_on=date(2023, 6, 28))
    with time_machine.travel(date(2023, 6, 25)):
        assert _found(world.branch) == []  # the period has not ended yet
    with time_machine.travel(date(2023, 6, 26)):
        assert len(_found(world.branch)) == 2  # on the last day: the unanswered and the late one
    found = _found(world.branch)
    assert found[0] == (
        "XX市育才学校党支部 公示“推荐人选公示”（2023年6月26日截止）"
        "收到的异议（2023年6月21日）未在公示期内答复"
    )
    assert len(found) == 2
