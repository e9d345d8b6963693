"""A worker just started computes what every 党委's pages show by default (core/warmup.py), under
the keys the views read: after warm(), each page costs what it costs when stored."""

from __future__ import annotations

import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core import stamped, warmup

PAGES = ("/", "/bureau/", "/figures/")


@pytest.fixture
def store(settings):
    settings.ZHIBU_STAMPED_CACHE = True
    caches[stamped.ALIAS].clear()
    token = stamped.begin_request()
    yield
    stamped.end_request(token)
    caches[stamped.ALIAS].clear()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_after_the_warm_up_a_committee_page_reads_what_is_stored(world, store, login, url):
    client = login(world.bureau)
    cold = _queries(client, url)
    stored = _queries(client, url)
    assert stored < cold  # the page stores what it computes
    caches[stamped.ALIAS].clear()  # a worker just started
    assert warmup.warm_committees() == 1  # the bureau (XX市教育体育局党委); branches are not warmed
    assert _queries(client, url) == stored


def test_only_committees_are_warmed(world, store):
    warmup.warm_committees()
    # keys are ":1:<name>:<organisation>:<day>:…" and ":1:latest:<name>:<organisation>:…"
    keys = [k.split(":") for k in caches[stamped.ALIAS]._cache]
    orgs = {int(parts[4] if parts[2] == "latest" else parts[3]) for parts in keys}
    assert orgs == {world.bureau_org.pk}


def test_the_warm_up_runs_in_a_background_thread_of_the_worker(settings, store, monkeypatch):
    """The thread cannot see the test's transaction: what it runs is recorded instead (the warm-up
    itself is the test above)."""
    ran: list[str] = []
    monkeypatch.setattr(warmup, "warm_committees", lambda: ran.append(threading.current_thread().name))
    settings.ZHIBU_WARM_ON_START = True
    thread = warmup.start()
    thread.join(10)
    assert ran == ["stamped-warmup"]
    settings.ZHIBU_WARM_ON_START = False
    assert warmup.start() is None
    settings.ZHIBU_WARM_ON_START, settings.ZHIBU_STAMPED_CACHE = True, False
    assert warmup.start() is None  # nothing is stored: nothing to warm
