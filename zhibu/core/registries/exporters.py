"""One registry for every file the system exports: renderers (how) and exporters (what).

pretix's shape (src/pretix/base/exporter.py): an *exporter* has an identifier, a label, the formats
it offers and builds its *source* — a row iterator (`core.spreadsheets.writing.ListExporter`) or a
document (`reports.document.Document`); *renderers* turn a source into the bytes of one format and
are registered once, keyed by (source kind, format):

    rows      xlsx csv                      core/exporters.py (code in core/spreadsheets/writing.py)
    document  docx html md xlsx pdf         reports/exporters.py (code in reports/renderers/, pdf.py)

A ledger's .xlsx export is then a ListExporter subclass and a few lines in its `exporters.py`:

    exporters.register(
        "meetings.list", label=_("会议台账"), formats=("xlsx", "csv"), perm="meetings.view",
        action=MeetingsAction.LIST_EXPORTED, build=lambda org: MeetingListExporter(org),
    )

and a view returning `core.downloads.export(request.user, "meetings.list", fmt, obj=org)`, which
checks the permission, renders, writes the audit entry and serves the file with the safe headers.

Large exports: an exporter that can grow large says so with `background=(obj, **params) -> bool`
(`rows_over_threshold(count)` for a row export: more rows than ZHIBU_EXPORT_JOB_ROWS). Its view
returns `core.web.export_or_job(...)`, which downloads at once below that size and otherwise starts
the generic "core.export" background job (core/export_jobs.py) and sends the user to its page.

Progress: every renderer takes `progress(done, total)` (total may be None while unknown). Row
renderers call it every PROGRESS_EVERY rows and once at the end; document renderers at the start and
the end. It is a no-op in a request; it is the hook a background job uses to report how far a long
export has come (store `done/total` on the job row, have the page poll it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ROWS, DOCUMENT = "rows", "document"
SOURCES = (ROWS, DOCUMENT)

Progress = Callable[[int, int | None], None]


def no_progress(done: int, total: int | None) -> None:
    """The default progress hook: nobody is listening."""


def _always() -> bool:
    return True


class UnknownFormat(LookupError):
    """No renderer for this (source, format), or it cannot run on this machine (pdf without soffice)."""


class UnknownExporter(LookupError):
    pass


@dataclass(frozen=True)
class Renderer:
    fmt: str  # the code in URLs and forms: "xlsx", "pdf"
    label: str
    extension: str
    content_type: str
    source: str  # ROWS | DOCUMENT: what render() accepts
    render: Callable[[Any, Progress], bytes]
    available: Callable[[], bool] = _always
    order: int = 100


@dataclass(frozen=True)
class Rendered:
    content: bytes
    filename: str
    content_type: str

    @property
    def fmt(self) -> str:
        return self.filename.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Exporter:
    identifier: str
    label: str
    source: str
    formats: tuple[str, ...]  # the first is the default
    build: Callable[..., Any]  # (obj, **params) -> the source: a ListExporter or a Document
    perm: str | None = None  # required on the obj the export is of (None: the caller checked)
    action: str | None = None  # the declared audit action written for each export
    description: str = ""
    # (obj, **params) -> bool: whether this export is large enough to run as a background job
    background: Callable[..., bool] | None = None

    def runs_in_background(self, obj: Any, **params: Any) -> bool:
        return bool(self.background and self.background(obj, **params))

    def choose(self, fmt: str | None) -> str:
        """The format asked for when this exporter offers it, else its default."""
        return fmt if fmt in self.formats else self.formats[0]

    def renderers(self) -> list[Renderer]:
        """The renderers of the formats offered that can run here, in the order offered."""
        return [r for fmt in self.formats if (r := _RENDERERS.get((self.source, fmt))) and r.available()]


_RENDERERS: dict[tuple[str, str], Renderer] = {}
_EXPORTERS: dict[str, Exporter] = {}


def _name(func: Callable) -> str:
    # A module imported twice registers the same function again; another function is a mistake.
    return f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', repr(func))}"


# -- renderers -----------------------------------------------------------------------------------
def register_renderer(
    fmt: str,
    *,
    source: str,
    label: str,
    content_type: str,
    extension: str | None = None,
    available: Callable[[], bool] | None = None,
    order: int = 100,
):
    """Decorator on `render(source_obj, progress) -> bytes`. One renderer per (source, fmt)."""
    if source not in SOURCES:
        raise ValueError(f"unknown source kind {source!r}")

    def decorator(func: Callable[[Any, Progress], bytes]):
        key = (source, fmt)
        existing = _RENDERERS.get(key)
        if existing is not None and _name(existing.render) != _name(func):
            raise ValueError(f"renderer {source}/{fmt} registered twice")
        _RENDERERS[key] = Renderer(
            fmt, label, extension or fmt, content_type, source, func, available or _always, order
        )
        return func

    return decorator


def renderer(source: str, fmt: str) -> Renderer:
    """The renderer of `fmt` for a source kind; UnknownFormat when there is none or it cannot run."""
    found = _RENDERERS.get((source, fmt))
    if found is None or not found.available():
        raise UnknownFormat(f"no {fmt} renderer for {source} exports")
    return found


def renderers(source: str | None = None, *, available_only: bool = True) -> list[Renderer]:
    """Registered renderers (of one source kind), in order; unavailable ones only when asked."""
    found = [r for r in _RENDERERS.values() if source in (None, r.source)]
    if available_only:
        found = [r for r in found if r.available()]
    return sorted(found, key=lambda r: (SOURCES.index(r.source), r.order, r.fmt))


def formats(source: str, *, available_only: bool = True) -> dict[str, Renderer]:
    return {r.fmt: r for r in renderers(source, available_only=available_only)}


# -- exporters -----------------------------------------------------------------------------------
def register(
    identifier: str,
    *,
    label: str,
    source: str = ROWS,
    formats: tuple[str, ...] = ("xlsx", "csv"),
    build: Callable[..., Any],
    perm: str | None = None,
    action: str | None = None,
    description: str = "",
    background: Callable[..., bool] | None = None,
) -> Exporter:
    """Register an exporter. `build(obj, **params)` returns its source (the rows or the document)."""
    if source not in SOURCES:
        raise ValueError(f"unknown source kind {source!r}")
    if not formats:
        raise ValueError(f"exporter {identifier} offers no format")
    spec = Exporter(identifier, label, source, tuple(formats), build, perm, action, description, background)
    existing = _EXPORTERS.get(identifier)
    if existing is not None and _name(existing.build) != _name(build):
        raise ValueError(f"exporter {identifier} registered twice")
    _EXPORTERS[identifier] = spec
    return spec


def rows_over_threshold(count: Callable[..., int]) -> Callable[..., bool]:
    """`background=` for a row export: true when `count(obj, **params)` (a COUNT query, not the
    export itself) exceeds the ZHIBU_EXPORT_JOB_ROWS setting."""

    def large(obj: Any, **params: Any) -> bool:
        from django.conf import settings

        return count(obj, **params) > settings.ZHIBU_EXPORT_JOB_ROWS

    return large


def get(identifier: str) -> Exporter:
    try:
        return _EXPORTERS[identifier]
    except KeyError:
        raise UnknownExporter(f"no exporter {identifier!r}") from None


def all_exporters() -> list[Exporter]:
    return sorted(_EXPORTERS.values(), key=lambda e: e.identifier)


# -- rendering -----------------------------------------------------------------------------------
def source_kind(obj: Any) -> str:
    """ROWS for a row iterator, DOCUMENT for a document (each class says which it is)."""
    kind = getattr(obj, "export_source", None)
    if kind not in SOURCES:
        raise TypeError(f"{type(obj).__name__} is neither a row exporter nor a document")
    return kind


def base_name(obj: Any) -> str:
    """The file name without extension: a row exporter's `filename`, a document's `title`."""
    return str(getattr(obj, "filename", "") or getattr(obj, "title", "") or "export")


def render(obj: Any, fmt: str, *, progress: Progress | None = None, filename: str | None = None) -> Rendered:
    """Render a source (row exporter or document) in one format; UnknownFormat if it cannot be."""
    found = renderer(source_kind(obj), fmt)
    content = found.render(obj, progress or no_progress)
    return Rendered(content, f"{filename or base_name(obj)}.{found.extension}", found.content_type)
