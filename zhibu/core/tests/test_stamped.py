"""Stored findings: computed once, recomputed after a write that could change them, never stale.

Everything here writes through the services (or audit.record, where they all end), because that
is what moves the data stamps; the rest of the suite runs with the store off (conftest.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhibu.bureau import services as bureau_services
from zhibu.core import audit, findings_store, stamps
from zhibu.core.periods import Period
from zhibu.mentoring.audit_actions import MentoringAction
from zhibu.study.models import StudySettings
from zhibu.study.services.checks import settings_update
from zhibu.study.tests.helpers import session
from zhibu.study.tests.test_rules_engagement import _held

YEAR = Period.year(2023)
KINDS = "study.few_activity_kinds"


@pytest.fixture
def store(settings):
    from zhibu.core import stamped

    settings.ZHIBU_STAMPED_CACHE = True
    token = stamped.begin_request()  # as StampedNoteMiddleware does for each request
    yield findings_store
    stamped.end_request(token)


def _codes(found) -> set[str]:
    return {f.code for f in found}


def _kinds_setting(world, kinds: int) -> None:
    current = StudySettings.objects.filter(organisation=world.branch).first()
    settings_update(
        actor=world.secretary,
        organisation=world.branch,
        version=current.version if current else None,
        books_per_term=2,
        member_hours=32,
        officer_hours=56,
        min_activity_kinds=kinds,
    )


def test_a_write_moves_the_stamp_of_its_organisation_and_every_one_above_it(world):
    branch, other, bureau = (stamps.of(o) for o in (world.branch, world.other_branch, world.bureau_org))
    _kinds_setting(world, 3)
    assert stamps.of(world.branch) != branch
    assert stamps.of(world.bureau_org) != bureau  # the bureau's figures cover the branch
    assert stamps.of(world.other_branch) == other  # a sibling's do not


def test_a_notice_from_the_bureau_moves_every_branch_below_it(world):
    before = {o.pk: stamps.of(o) for o in (world.branch, world.other_branch)}
    bureau_services.notice_issue(
        actor=world.bureau,
        organisation=world.bureau_org,
        title="报送半年总结",
        due_on=date.today() + timedelta(days=10),
    )
    assert all(stamps.of(o) != before[o.pk] for o in (world.branch, world.other_branch))


def test_reads_and_exports_move_nothing_and_a_move_moves_both_sides(world):
    before = stamps.of(world.branch)
    audit.record(world.secretary, MentoringAction.CASE_READ, organisation=world.branch)
    audit.record(world.secretary, MentoringAction.BOOKLET_EXPORTED, organisation=world.branch)
    assert stamps.of(world.branch) == before
    # a record moved from the other branch into this one: the audit entry is this branch's
    other = stamps.of(world.other_branch)
    audit.record(
        world.bureau,
        MentoringAction.REVIEW_SAVED,
        organisation=world.branch,
        before={"organisation": world.other_branch.pk},
        after={"organisation": world.branch.pk},
    )
    assert stamps.of(world.branch) != before and stamps.of(world.other_branch) != other


def test_a_new_epoch_makes_everything_stale(world):
    before = stamps.of(world.branch)
    stamps.new_epoch()
    assert stamps.of(world.branch) != before


@time_machine.travel(date(2024, 2, 1))
def test_findings_are_computed_once_and_again_after_a_write(world, store, django_assert_num_queries):
    _held(world.branch, date(2023, 3, 1))
    session(world.branch, "tutorial", date(2023, 4, 1))
    first = store.stored(world.branch, YEAR)
    assert KINDS in _codes(first)
    assert all(f.evidence == [] for f in first)  # the evidence never enters the store
    with django_assert_num_queries(1):  # the stamp, nothing else
        again = store.stored(world.branch, YEAR)
    assert [(f.code, f.message, f.severity, f.organisation.pk) for f in again] == [
        (f.code, f.message, f.severity, f.organisation.pk) for f in first
    ]
    _kinds_setting(world, 2)  # the branch now asks for two kinds: it has them
    assert KINDS not in _codes(store.stored(world.branch, YEAR))
    _kinds_setting(world, 4)
    assert KINDS in _codes(store.stored(world.branch, YEAR))


def test_the_next_day_computes_them_again(world, store, django_assert_max_num_queries):
    with time_machine.travel(date(2024, 2, 1)):
        store.stored(world.branch, YEAR)
        with django_assert_max_num_queries(1):
            store.stored(world.branch, YEAR)
    with time_machine.travel(date(2024, 2, 2)):
        with CaptureQueriesContext(connection) as queries:
            store.stored(world.branch, YEAR)
        assert len(queries) > 1  # the rules ran: what is overdue depends on the day


def test_with_the_store_off_every_call_runs_the_rules(world):
    findings_store.stored(world.branch, YEAR)
    with CaptureQueriesContext(connection) as queries:
        findings_store.stored(world.branch, YEAR)
    assert len(queries) > 1


@time_machine.travel(date(2024, 2, 1))
def test_the_dashboard_reads_its_findings_from_the_store(world, store, login):
    _held(world.branch, date(2024, 1, 10))
    client = login(world.secretary)
    with CaptureQueriesContext(connection) as cold:
        first = client.get("/")
    with CaptureQueriesContext(connection) as warm:
        second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert len(warm) < len(cold)
    panel = lambda r: r.content.decode().split('class="findings"')[-1][:2000]  # noqa: E731
    assert panel(first) == panel(second)


def test_the_findings_panel_lists_the_most_serious_and_counts_the_rest(world, rf):
    from zhibu.core.dashboard import SHOWN, findings_panel
    from zhibu.core.registries.findings import Finding

    request = rf.get("/")
    request.user = world.bureau
    found = [
        Finding(f"问题{i}", [], f"test.rule{i}", "critical" if i >= 35 else "info", world.branch, YEAR)
        for i in range(SHOWN + 10)
    ]
    # the request's own memo of findings_of: what the panel reads, whatever computed it
    request._zhibu_findings = {(world.bureau_org.pk, YEAR.start, YEAR.end): found}
    data = findings_panel(request, world.bureau_org, YEAR)
    assert len(data["findings"]) == SHOWN and data["more"] == 10
    assert [f.message for f in data["findings"][:5]] == [f"问题{i}" for i in range(35, 40)]


def test_the_grid_is_computed_once_and_again_after_a_write_below(world, store):
    from zhibu.bureau import grid

    def queries_of_build() -> int:
        with CaptureQueriesContext(connection) as queries:
            grid.build(world.bureau_org, YEAR, date(2024, 2, 1))
        return len(queries)

    cold = queries_of_build()
    warm = queries_of_build()
    assert warm < cold
    _kinds_setting(world, 3)  # a write in one branch: the bureau's grid is computed again
    assert queries_of_build() >= cold  # (refreshed inline here: a thread in production)
    assert queries_of_build() == warm


# -- a superior's pages: the previous value, dated, while the current one is computed ---------------
def _counting(store_on_org, world, today: date = date(2024, 2, 1)):
    from zhibu.core import stamped

    runs: list[int] = []

    def compute():
        runs.append(1)
        return len(runs)

    def read(day: date = today):
        return stamped.get_or_compute("test.value", store_on_org, compute, today=day)

    return read, runs


def test_after_a_write_a_superior_is_shown_the_previous_value_dated_while_it_is_computed(world, store):
    from zhibu.core import stamped

    read, runs = _counting(world.bureau_org, world)
    assert read() == 1 and stamped.served_stale() is None
    _kinds_setting(world, 3)
    assert read() == 1  # the previous value, at once
    as_of = stamped.served_stale()
    assert as_of is not None and as_of <= timezone.now()
    assert len(runs) == 2  # the current one was computed (inline in tests, a thread in production)
    token = stamped.begin_request()  # the next request
    assert read() == 2 and stamped.served_stale() is None  # shows it, not dated
    stamped.end_request(token)
    # the value it replaced is gone: one value of each name kept per organisation and day
    from django.core.cache import caches

    kept = [k for k in caches[stamped.ALIAS]._cache if "test.value:" in k and "latest:" not in k]
    assert len(kept) == 1


def test_a_branch_always_sees_its_own_write_at_once(world, store):
    from zhibu.core import stamped

    read, runs = _counting(world.branch, world)
    assert read() == 1
    _kinds_setting(world, 3)
    assert read() == 2 and stamped.served_stale() is None


def test_a_new_epoch_shows_nothing_old(world, store):
    from zhibu.core import stamped

    read, runs = _counting(world.bureau_org, world)
    read()
    stamps.new_epoch()  # a restore, a generated city: what was stored describes other data
    assert read() == 2 and stamped.served_stale() is None
    stamps.new_epoch()  # nor yesterday's value of the old epoch on the next day
    assert read(date(2024, 2, 2)) == 3 and stamped.served_stale() is None


def test_on_a_new_day_a_superior_is_shown_yesterdays_value_dated_while_todays_is_computed(world, store):
    """The first view of the morning: what is overdue as of today takes seconds to compute over a
    bureau, so the evening's value is shown, dated, and today's computed behind it."""
    from django.core.cache import caches

    from zhibu.core import stamped

    read, runs = _counting(world.bureau_org, world)
    assert read() == 1
    assert read(date(2024, 2, 2)) == 1  # yesterday's, at once
    as_of = stamped.served_stale()
    assert as_of is not None and as_of <= timezone.now()
    assert len(runs) == 2  # today's was computed (inline in tests, a thread in production)
    token = stamped.begin_request()  # the next request
    assert read(date(2024, 2, 2)) == 2 and stamped.served_stale() is None
    stamped.end_request(token)
    # yesterday's value is gone once today's is stored: one value of each name kept per organisation
    kept = [k for k in caches[stamped.ALIAS]._cache if "test.value:" in k]
    assert len(kept) == 2 and all("2024-02-02" in k for k in kept)  # the value and its pointer
    # two days on, nothing is shown old: the value of the day before the day before is not served
    token = stamped.begin_request()
    assert read(date(2024, 2, 4)) == 3 and stamped.served_stale() is None
    stamped.end_request(token)


def test_on_a_new_day_a_branch_computes_its_values_again(world, store):
    from zhibu.core import stamped

    read, runs = _counting(world.branch, world)
    read()
    assert read(date(2024, 2, 2)) == 2 and stamped.served_stale() is None


def test_a_value_computed_from_other_stored_values_reads_them_current(world, store):
    """The grid reads the stored findings while it is computed: those must be current, or the grid
    stored under the new stamp would carry the old findings."""
    from zhibu.core import stamped

    def inner():
        return stamped.get_or_compute("test.inner", world.bureau_org, lambda: stamps.of(world.bureau_org))

    outer = lambda: stamped.get_or_compute("test.outer", world.bureau_org, inner)  # noqa: E731
    outer()
    _kinds_setting(world, 3)
    outer()  # the previous outer value is shown; the refresh computed the inner one afresh
    assert outer() == stamps.of(world.bureau_org)


def test_the_refresh_runs_once_in_a_background_thread(world, store, settings):
    """Outside the tests the current value is computed by one thread while views go on showing the
    previous one (the compute here reads no database: the thread cannot see the test's transaction)."""
    import threading
    import time

    from zhibu.core import stamped

    settings.ZHIBU_STAMPED_REFRESH = "background"
    release = threading.Event()
    runs: list[str] = []

    def slow():
        runs.append(threading.current_thread().name)
        if len(runs) > 1:
            release.wait(10)
        return len(runs)

    read = lambda: stamped.get_or_compute("test.slow", world.bureau_org, slow, today=date(2024, 2, 1))  # noqa: E731
    assert read() == 1
    _kinds_setting(world, 3)
    assert read() == 1 and read() == 1  # both views get the previous value; one refresh started
    release.set()
    deadline = time.monotonic() + 10
    while stamped.refreshing() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(runs) == 2 and runs[1].startswith("stamped-refresh")
    assert read() == 2


@time_machine.travel(date(2024, 2, 1))
def test_the_bureau_dashboard_says_when_its_values_date_from(world, store, login):
    client = login(world.bureau)
    assert "部分数据截至" not in client.get("/").content.decode()
    _kinds_setting(world, 3)
    page = client.get("/").content.decode()
    assert "部分数据截至" in page and "正在重新计算" in page
    assert "部分数据截至" not in client.get("/").content.decode()


def test_the_bureau_dashboard_on_a_new_day_shows_the_day_its_values_date_from(world, store, login):
    client = login(world.bureau)
    with time_machine.travel(timezone.make_aware(datetime(2024, 2, 1, 22, 40)), tick=False):
        assert "部分数据截至" not in client.get("/").content.decode()
    with time_machine.travel(timezone.make_aware(datetime(2024, 2, 2, 7, 30)), tick=False):
        page = client.get("/").content.decode()
        assert "部分数据截至2月1日 22:40" in page and "按今天的日期重新计算" in page
        assert "部分数据截至" not in client.get("/").content.decode()
