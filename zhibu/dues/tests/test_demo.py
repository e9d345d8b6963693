"""The demo school's year of dues: every member has a base, one member (马丽) is in arrears."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.dues import book
from zhibu.dues.demo_data import load as load_dues
from zhibu.dues.models import DuesPayment
from zhibu.people.demo_data import load as load_core


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_dues()
    return Organisation.objects.get(code="yucai")


def test_a_year_of_dues_with_one_member_in_arrears(school):
    today = timezone.localdate()
    members = book.build(school, today)
    assert len(members) == 17 and all(m.has_base for m in members)
    assert [(m.person.name, len(m.arrears)) for m in members if m.arrears] == [("马丽", 3)]
    span = Period.span(members[0].months[0].month, today)
    assert len(members[0].months) >= 12
    assert figures.compute("dues.members_in_arrears", school, span).value == 1
    assert figures.compute("dues.collected", school, span).value > Decimal("1000")
    assert figures.compute("dues.voluntary", school, span).value in (Decimal("0.00"), Decimal("500.00"))
    late = DuesPayment.objects.get(person__name="孙宁", back_months=2)
    assert late.months.count() == 3 and not late.long_back
    assert not [f for f in findings.run(school, span, codes=["dues.six_months_unpaid"])]
