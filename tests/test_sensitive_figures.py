"""Mentoring figures publish counts only: the bureau, the checker and documents never list the cases."""

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.periods import Period
from zhibu.mentoring.tests.factories import make_case
from zhibu.reports.drafting import draft

pytestmark = pytest.mark.django_db
QUERY = {"org": "yucai", "from": "2023-01-01", "to": "2023-12-31"}


@pytest.fixture
def case(world):
    return make_case(world.people["member"], started_on=date(2023, 3, 1))


def _figure_page(client):
    return client.get(reverse("core:figure", args=["mentoring.active_cases"]), QUERY)


def test_bureau_sees_the_count_but_not_the_cases(world, login, case):
    response = _figure_page(login(world.bureau))
    assert response.status_code == 200
    assert response.context["value"].value == 1
    assert response.context["hidden"] is True
    assert case.student.pseudonym not in response.content.decode()


def test_secretary_sees_the_pseudonymous_cases(world, login, case):
    response = _figure_page(login(world.secretary))
    assert response.context["hidden"] is False
    assert case.student.pseudonym in response.content.decode()


def test_ledger_workbook_lists_no_mentoring_records(world, case):
    document, _values = draft("ledger", world.branch, Period.year(2023))
    tables = [b for b in document.blocks if getattr(b, "type", "") == "table"]
    flat = " ".join(str(cell) for table in tables for row in table.rows for cell in row)
    assert case.student.pseudonym not in flat
    assert any(r.code == "mentoring.active_cases" and r.value == "1" for r in document.figure_runs())


def _dashboard_findings(response) -> list:
    panel = next(p for p in response.context["panels"] if p["code"] == "core.findings")
    return panel["data"]["findings"]


def test_bureau_dashboard_folds_mentoring_findings_into_a_count(world, login, case):
    import time_machine

    with time_machine.travel(date(2023, 6, 10)):
        secretary = login(world.secretary).get(reverse("core:dashboard"))
        mine = [f.message for f in _dashboard_findings(secretary) if f.code.startswith("mentoring.")]
        bureau = login(world.bureau).get(reverse("core:dashboard"))
        theirs = [f.message for f in _dashboard_findings(bureau) if f.code.startswith("mentoring.")]
    assert any(case.student.pseudonym in m for m in mine)  # the secretary acts on each case
    assert theirs and not any(case.student.pseudonym in m for m in theirs)
    assert any("包教当月无记录（" in m for m in theirs)
