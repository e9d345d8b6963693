"""A server worker's start: what it does once, after its application is loaded and before it
serves (zhibu/wsgi.py). The bench (bench/bench_city.py) starts its pages the same way."""

from __future__ import annotations

import gc

from . import warmup


def started() -> None:
    warmup.load_pages()  # now rather than in the first request
    # The collector's full passes walk every object alive, and a worker's start leaves some 300,000
    # (Django, the apps, the URLconf) that live as long as it does. Frozen, they are left out of
    # every pass: a full pass inside a request of the bureau's pages took 90–125 ms, frozen 10–22 ms
    # — a page's slowest sample in five was one such pass.
    gc.collect()
    gc.freeze()
    warmup.start()
