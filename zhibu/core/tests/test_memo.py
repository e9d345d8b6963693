"""core/memo.py: a shared read runs once within a unit of work and every time outside one; what
cannot be a key is never shared. And the reads it was made for: the dues figures and the
six-months rule read one dues book within a draft."""

from __future__ import annotations

import gc
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core import memo
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings

from .factories import make_org

calls: list[tuple] = []


@memo.shared
def _read(org, day, *, kind=""):
    calls.append((org.pk if hasattr(org, "pk") else org, day, kind))
    return [len(calls)]


@pytest.fixture(autouse=True)
def _no_calls():
    calls.clear()


def test_outside_a_unit_of_work_every_call_runs():
    _read("a", 1)
    _read("a", 1)
    assert len(calls) == 2


def test_within_one_each_distinct_call_runs_once_and_everyone_gets_its_result():
    with memo.memoised():
        first = _read("a", 1)
        assert _read("a", 1) is first
        _read("a", 2)
        _read("a", 1, kind="x")
        with memo.memoised():  # an inner block joins the outer one
            assert _read("a", 1) is first
    assert calls == [("a", 1, ""), ("a", 2, ""), ("a", 1, "x")]
    _read("a", 1)  # the unit of work is over
    assert len(calls) == 4


@pytest.mark.django_db
def test_a_model_is_keyed_by_its_pk_and_a_queryset_is_never_shared():
    org = make_org("memo-a", "甲支部")
    with memo.memoised():
        _read(org, 1)
        _read(Organisation.objects.get(pk=org.pk), 1)  # another instance of the same row
        _read(Organisation.objects.all(), 1)
        _read(Organisation.objects.all(), 1)
        _read([org], 1)
    assert len(calls) == 4


@pytest.mark.django_db
def test_the_dues_figures_read_one_book_within_a_draft(world):
    from zhibu.dues.tests import helpers

    member = world.people["member"]
    helpers.base(member, "4000.00")
    helpers.paid(member, helpers.months(2023, 1, 3))
    year = Period.year(2023)

    def read_all():
        figures.compute("dues.due", world.branch, year)
        figures.compute("dues.members_in_arrears", world.branch, year)
        list(findings.run(world.branch, year, codes=["dues.six_months_unpaid"]))

    read_all()  # per-process caches warm (a cold first run may cost a lookup more)
    with CaptureQueriesContext(connection) as alone:
        read_all()
    with memo.memoised(), CaptureQueriesContext(connection) as shared:
        read_all()
    # the book is six queries: the two figures build it twice alone, once shared (the rule builds
    # the book of the people who may owe, its own, either way)
    assert len(alone.captured_queries) - len(shared.captured_queries) == 6


def test_the_cycle_collector_pauses_while_any_unit_of_work_runs_and_resumes_after_the_last():
    assert gc.isenabled()
    started, release = threading.Event(), threading.Event()

    def other_unit():
        with memo.memoised():
            started.set()
            release.wait(5)

    worker = threading.Thread(target=other_unit)
    with memo.memoised():
        assert not gc.isenabled()
        with memo.memoised():  # an inner block joins the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
        worker.start()
        started.wait(5)
    # this thread's block ended, the other one still runs
    assert not gc.isenabled()
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_the_collector_resumes_when_the_work_fails():
    with pytest.raises(ValueError), memo.memoised():
        raise ValueError("失败")
    assert gc.isenabled()
