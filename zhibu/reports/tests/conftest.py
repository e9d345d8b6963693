"""A fake ledger registered only in tests: figures with no report code written for them, to prove
a new ledger reaches every document through the registries alone."""

from __future__ import annotations

from datetime import date

import pytest

from zhibu.core.models import PartyStatusChange, Person
from zhibu.core.registries import figures, sections
from zhibu.core.registries.sections import Obligation

FAKE = ("fakecare.visits", "fakecare.donations")


def _visits(org, period, *, status=None):
    # "走访慰问": reuse status changes as stand-in records so the test needs no new table
    qs = PartyStatusChange.objects.filter(organisation__in=org.subtree(), since__range=period.bounds)
    return qs.filter(status=status) if status else qs


def _donations(org, period):
    people = Person.objects.filter(organisation__in=org.subtree(), name__startswith="=")
    return people.count() * 100, people


@pytest.fixture
def fake_ledger():
    # a key figure: the dashboard's cards and chart show key figures
    figures.register("fakecare.visits", label="走访慰问", unit="人次", key=90)(_visits)
    figures.register("fakecare.donations", label="捐款", unit="元")(_donations)
    sections.label_ledger("fakecare", "送温暖献爱心")
    yield
    for code in FAKE:
        figures.unregister(code)
    sections.unregister("fakecare.practice")
    sections.unregister_obligations("fakecare.calendar")


@pytest.fixture
def fake_section(fake_ledger):
    from zhibu.core.registries.sections import Para, fig

    @sections.register("fakecare.practice", part="basic", title="送温暖、献爱心", order=30)
    def practice(org, period, ctx):
        return [Para(f"节假日走访慰问困难教工和学生{fig('fakecare.visits')}。")]

    @sections.obligations("fakecare.calendar")
    def calendar(org, period):
        return [Obligation(period.start, "开展节日走访慰问")]

    yield


@pytest.fixture
def visit(world):
    """One dated record inside 2023 for the fake ledger to count."""
    return PartyStatusChange.objects.create(
        person=world.people["member"], organisation=world.branch, status="full", since=date(2023, 3, 8)
    )
