"""A running job's progress, kept in a small file beside the job's upload instead of on its row.

Why not the row: a handler may do all its writes in one durable transaction (the roster import is
all-or-nothing), and progress written to the row inside it stays invisible to the web server until
the commit, so the bar would jump from 0 to 100. Why not the cache: the worker and the web server are
separate processes and the default cache is per process. Why not a second database connection: on
SQLite it cannot write while the import holds the write lock. A file under MEDIA_ROOT reaches the
web server wherever the upload did (the worker already reads the upload from there), and backups
skip MEDIA_ROOT/jobs. The final done/total still go to the row when the job finishes.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

from . import atomic_files


def _path(job_id) -> Path:
    return Path(settings.MEDIA_ROOT) / "jobs" / "progress" / f"{job_id}.json"


def write(job_id, done: int, total: int | None) -> None:
    """Replace the job's progress atomically: a reader sees the old or the new value, never half."""
    path = _path(job_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_files.write_atomic(path, json.dumps({"done": done, "total": total}).encode())


def read(job_id) -> tuple[int, int | None] | None:
    """(done, total) while the job runs, None before its first progress or after it finished."""
    try:
        data = json.loads(_path(job_id).read_text())
        return int(data["done"]), (None if data["total"] is None else int(data["total"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clear(job_id) -> None:
    _path(job_id).unlink(missing_ok=True)
