"""A server worker's start (core/worker.py, called by zhibu/wsgi.py)."""

from __future__ import annotations

import gc

from django.urls import clear_url_caches, get_resolver

from zhibu.core import warmup, worker


def test_a_started_worker_has_its_pages_imported_its_start_frozen_and_its_warm_up_running(monkeypatch):
    started: list[bool] = []
    monkeypatch.setattr(warmup, "start", lambda: started.append(True))
    clear_url_caches()  # as before the first request: the URLconf not loaded
    gc.unfreeze()
    try:
        worker.started()
        # what the start left alive is out of the collector's passes (this test process's objects)
        assert gc.get_freeze_count() > 50_000
        assert all(gc.get_count()[generation] == 0 for generation in (1, 2))
    finally:
        gc.unfreeze()
    assert "url_patterns" in get_resolver().__dict__  # loaded, every view module with it
    assert started == [True]
