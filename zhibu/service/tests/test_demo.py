"""The demo's service rows tell the seed's numbers over 2021-09-01..2023-07-31."""

from datetime import date

import pytest

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.people.demo_data import load as load_core
from zhibu.service.demo_data import load as load_service

SEED = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_service()
    return Organisation.objects.get(code="yucai")


def _v(code, org, **params):
    return figures.compute(code, org, SEED, **params).value


def test_seed_numbers(school):
    assert _v("service.campus_labour", school) == 5
    assert _v("service.tutoring_sessions", school) == 212  # 200余次
    assert _v("service.civic_actions", school, kind="park") == 1
    assert _v("service.civic_actions", school, kind="community") == 2
    assert _v("service.group_activities", school) == 4
    assert _v("service.assistance_pairs", school) == 2
    assert _v("service.liaison_members", school) == 3
    assert _v("service.partner_classes", school) == 1
