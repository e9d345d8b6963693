"""The talks demo: the school's committee talked twice a month, with ONE month below quota."""

import pytest
from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.people.demo_data import load as load_core
from zhibu.talks.demo_data import load, recent_months


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load()
    return Organisation.objects.get(code="yucai")


def test_one_committee_member_is_below_quota_in_one_month(school):
    months = recent_months(timezone.localdate())
    span = Period.span(months[0].start, months[-1].end)
    found = [f.message for f in findings.run(school, span, codes=["talks.below_quota"])]
    assert found == [f"刘晓筱 {months[2].label}谈心谈话少于2次"]
    assert figures.compute("talks.quota_met", school, span).value == 2
    assert figures.compute("talks.held", school, span).value == 6 * 3 * 2 - 1
