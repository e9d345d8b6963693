"""Parts of a unit of work computed side by side (core/parallel.py): the same results as one
thread, the unit's shared reads made once, the caller's query wrappers seeing the helpers' queries,
and everything on the calling thread wherever another connection could see less than it."""

from __future__ import annotations

import io
import threading
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection

from zhibu.bureau import grid
from zhibu.core import memo, parallel
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.reports.dashboard import stored_overview
from zhibu.reports.drafting import draft


def _threads_of(func, items) -> tuple[list, set[str]]:
    names: set[str] = set()

    def noted(item):
        names.add(threading.current_thread().name)
        return func(item)

    return parallel.each(noted, items), names


@pytest.mark.django_db(transaction=True)
def test_within_a_unit_of_work_items_run_on_helper_threads_in_order(settings):
    settings.ZHIBU_PARALLEL = 2
    barrier = threading.Barrier(2, timeout=10)

    def square(n: int) -> int:
        if n < 2:
            barrier.wait()  # the first two items are only done when two threads hold them at once
        return n * n

    with memo.memoised():
        results, names = _threads_of(square, list(range(8)))
    assert results == [n * n for n in range(8)]
    assert parallel.NAME in names and threading.current_thread().name in names


@pytest.mark.django_db(transaction=True)
def test_a_shared_read_asked_by_two_threads_at_once_is_made_once(settings):
    settings.ZHIBU_PARALLEL = 2
    made = []
    barrier = threading.Barrier(2, timeout=10)

    @memo.shared
    def branches(path: str) -> int:
        made.append(path)
        return Organisation.objects.filter(path__startswith=path).count()

    def ask(_item) -> int:
        barrier.wait()
        return branches("/")

    Organisation.objects.create(code="x1", name="第一支部", kind=Organisation.Kind.BRANCH, path="/x1/")
    with memo.memoised():
        results, names = _threads_of(ask, [1, 2])
    assert results == [1, 1] and made == ["/"] and len(names) == 2


@pytest.mark.django_db(transaction=True)
def test_an_exception_in_a_helper_reaches_the_caller(settings):
    settings.ZHIBU_PARALLEL = 2

    def fail_on_three(n: int) -> int:
        if n == 3:
            raise ValueError("第3项出错")
        return n

    with memo.memoised(), pytest.raises(ValueError, match="第3项出错"):
        parallel.each(fail_on_three, list(range(6)))


def test_inside_a_transaction_everything_runs_on_the_calling_thread(settings, db):
    """pytest's `db` wraps each test in a transaction: a helper's connection would not see its rows."""
    settings.ZHIBU_PARALLEL = 4
    assert connection.in_atomic_block
    with memo.memoised():
        results, names = _threads_of(lambda n: n + 1, [1, 2, 3])
    assert results == [2, 3, 4] and names == {threading.current_thread().name}


@pytest.mark.django_db(transaction=True)
def test_outside_a_unit_of_work_in_one_thread_or_with_one_worker_nothing_runs_on_a_helper(settings):
    settings.ZHIBU_PARALLEL = 2
    assert _threads_of(str, [1, 2, 3])[1] == {threading.current_thread().name}
    with memo.memoised(), parallel.one_thread():  # a background refresh leaves the requests a core
        assert _threads_of(str, [1, 2, 3])[1] == {threading.current_thread().name}
    barrier = threading.Barrier(2, timeout=10)
    with memo.memoised():  # and after the block, two again
        assert len(_threads_of(lambda n: barrier.wait(), [1, 2])[1]) == 2
    settings.ZHIBU_PARALLEL = 1
    with memo.memoised():
        assert _threads_of(str, [1, 2, 3])[1] == {threading.current_thread().name}


DAY = date(2025, 11, 30)
SEEDS = (
    "zhibu.meetings.migrations.0003_default_types_and_rules",
    "zhibu.dues.migrations.0002_seed_bands",
    "zhibu.development.migrations.0002_default_rules",
)


@pytest.mark.django_db(transaction=True)
def test_a_citys_findings_and_draft_are_the_same_on_two_threads_as_on_one(settings):
    # a test that commits starts from tables emptied by the one before: the migrations' rows again
    for module in SEEDS:
        seed = import_module(module)
        (getattr(seed, "seed", None) or seed.load)(django_apps, None)
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    city = Organisation.objects.get(code="city")
    year = Period.year(2025)

    def computed(workers: int) -> tuple[list, dict, dict, set[str]]:
        settings.ZHIBU_PARALLEL = workers
        names: set[str] = set()

        def note(execute, sql, params, many, context):
            names.add(threading.current_thread().name)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(note), memo.memoised():
            found = [
                (f.code, f.severity, f.message, getattr(f.organisation, "pk", None), len(f.evidence))
                for f in findings.run(city, year)
            ]
        with connection.execute_wrapper(note):
            values = draft("annual", city, year)[1]
            with memo.memoised():  # the bureau's grid and dashboard overview as stored
                pages = {"grid": grid._computed(city, year, DAY, True)}
            pages["overview"] = stored_overview(city, DAY)
        return found, values, pages, names

    serial, serial_values, serial_pages, serial_names = computed(1)
    side_by_side, values, pages, names = computed(2)
    assert serial and side_by_side == serial and values == serial_values
    assert serial_pages["grid"]["blocks"] and serial_pages["overview"]["charts"]["monthly"]["series"]
    assert pages == serial_pages
    assert serial_names == {threading.current_thread().name}
    assert parallel.NAME in names  # the helpers' queries went through the caller's wrapper


def test_within_a_unit_of_work_a_figure_is_computed_once(world, django_assert_num_queries):
    year = Period.year(2025)
    with memo.memoised():
        first = figures.compute("meetings.held", world.branch, year)
        with django_assert_num_queries(0):
            again = figures.compute("meetings.held", world.branch, year)
    assert again is first
    with django_assert_num_queries(1):  # outside one, every call counts again
        figures.compute("meetings.held", world.branch, year)
