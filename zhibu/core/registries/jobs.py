"""Background job kinds. An app registers a handler for each long piece of work it offers:

    @jobs.register("people.roster_import", perm="people.import")
    def roster_import(job: Job, progress: Progress) -> JobOutcome: ...

The handler runs in the worker (`manage.py db_worker`, started by `make run`), reads its input from
`job.params` and `job.upload`, calls `progress(done, total)` as it goes, and returns what the page
shows at the end: a message, rows of details (an import's problems), a file to download, a link.
A ValidationError it raises becomes the job's Chinese failure message; anything else is logged
with its traceback and the user reads that the job could not be finished.

`perm` is the permission `job_start` requires on the job's organisation; a generic kind whose
permission depends on what it runs (core.export: the exporter's) passes `perm=(params) -> str`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .exporters import Progress, Rendered


@dataclass
class JobOutcome:
    message: str
    ok: bool = True
    details: list[dict[str, Any]] = field(default_factory=list)
    file: Rendered | None = None
    next_url: str = ""


@dataclass(frozen=True)
class JobKind:
    kind: str
    perm: str | Callable[[dict], str]
    handler: Callable[[Any, Progress], JobOutcome]

    def perm_for(self, params: dict) -> str:
        return self.perm(params) if callable(self.perm) else self.perm


_KINDS: dict[str, JobKind] = {}


def register(kind: str, *, perm: str | Callable[[dict], str]):
    def decorator(handler: Callable[[Any, Progress], JobOutcome]):
        _KINDS[kind] = JobKind(kind, perm, handler)
        return handler

    return decorator


def get(kind: str) -> JobKind:
    try:
        return _KINDS[kind]
    except KeyError:
        raise KeyError(f"no job kind {kind}") from None
