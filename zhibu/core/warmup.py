"""What a 党委's pages store, computed when a server worker starts.

Stored values (core/stamped.py) live in each worker's memory, so a worker just started — a
deploy, a restart, gunicorn replacing a worker — has none, and its first bureau reader would wait
seconds for the grid, the dashboard or the figure list computed from nothing. Each worker
therefore computes, once started and in one background thread, what those pages show by default
for every 党委: each page registers here the function its own view calls (`@warmup.register`), so
the values are stored under the keys the view reads. A reader arriving before the thread is done
computes what is still missing, as before. A school's instance has no 党委 and does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.db import connections
from django.utils import timezone

from . import parallel, stamped
from .models import Organisation

logger = logging.getLogger(__name__)
Warmer = Callable[[Organisation, date], object]
_WARMERS: list[Warmer] = []


def register(func: Warmer) -> Warmer:
    """func(org, today) computes, through core/stamped.py, what one page shows org by default."""
    _WARMERS.append(func)
    return func


def warm(org: Organisation, today: date | None = None) -> None:
    today = today or timezone.localdate()
    for func in _WARMERS:
        func(org, today)


def load_pages() -> None:
    """Import every page's module (the URLconf): Django otherwise does it in the first request, and
    each page registers its warmer there."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018


def warm_committees() -> int:
    """Every 党委's default pages stored in this process; how many committees."""
    load_pages()
    committees = list(Organisation.objects.filter(kind=Organisation.Kind.COMMITTEE))
    for org in committees:
        warm(org)
    return len(committees)


def start() -> threading.Thread | None:
    """warm_committees() in a background thread of this worker (ZHIBU_WARM_ON_START, on by default;
    nothing when nothing is stored)."""
    if not getattr(settings, "ZHIBU_WARM_ON_START", False) or not stamped.enabled():
        return None

    def run() -> None:
        try:
            with parallel.one_thread():  # requests arriving meanwhile keep the other core
                warm_committees()
        except Exception:  # a worker serves requests whether or not its warm-up worked
            logger.exception("warming the stored values of the committees' pages failed")
        finally:
            connections.close_all()  # the thread's own connections

    thread = threading.Thread(target=run, name="stamped-warmup", daemon=True)
    thread.start()
    return thread
