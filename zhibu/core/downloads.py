"""The one way a file leaves the system over HTTP.

`file_response` builds every file response: uploads served back (meeting attachments, study note
scans, mentoring attachments), generated documents and exports alike. Each carries

- Content-Disposition with the file name as RFC 5987 `filename*=utf-8''…` when it is not ASCII
  (Chinese names arrive intact in every current browser), `attachment` unless shown inline;
- Cache-Control: no-store — these files hold personal data: no copy in a shared or browser cache;
- X-Content-Type-Options: nosniff — the browser keeps the type we checked, never guesses one.

`export` is the one path of an export: it checks the exporter's permission, renders the source in the
format asked for (through the renderer registry, `core.registries.exporters`), writes the audit
entry — in the same request, before the response exists — and returns the file response.
`export_file` does the same without HTTP (services, management commands, a background job that
passes `progress`).
"""

from __future__ import annotations

import re
from typing import IO, Any

from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

from . import audit, policy
from .registries import exporters
from .registries.exporters import Exporter, Progress, Rendered, UnknownFormat

OCTET_STREAM = "application/octet-stream"
# Path separators and control characters never belong in a saved file's name.
_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f/\\]+")


def safe_filename(name: str, default: str = "download") -> str:
    cleaned = _UNSAFE_IN_NAME.sub("_", str(name)).strip(" .")
    return cleaned or default


def file_response(
    content: bytes | IO[bytes], *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """A response serving `content` (bytes, or an open binary file, which is streamed) under
    `filename`, with the safe headers above."""
    if isinstance(content, bytes | bytearray):
        response: HttpResponse = HttpResponse(content, content_type=content_type or OCTET_STREAM)
    else:
        response = FileResponse(content, content_type=content_type or OCTET_STREAM)
    response["Content-Disposition"] = content_disposition_header(not inline, safe_filename(filename))
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def rendered_response(rendered: Rendered, *, inline: bool = False) -> HttpResponse:
    return file_response(
        rendered.content, filename=rendered.filename, content_type=rendered.content_type, inline=inline
    )


def export_file(
    actor,
    what: str | Exporter | Any,
    fmt: str,
    *,
    obj: Any = None,
    action: str | None = None,
    after: dict | None = None,
    progress: Progress | None = None,
    **params: Any,
) -> Rendered:
    """Render an export and audit it.

    `what` is a registered exporter (its identifier or spec) — its permission is required on `obj`,
    its builder gets `(obj, **params)`, its action is the default — or an already built source (a
    ListExporter or a Document) that the caller has checked. `obj` is the organisation or record the
    export is of, named in the audit entry. The entry's `after` holds the format (and the number of
    rows of a row export) updated with the caller's `after`. Raises UnknownFormat when the format is
    not offered or cannot be rendered here.
    """
    if isinstance(what, str | Exporter):
        spec = exporters.get(what) if isinstance(what, str) else what
        if fmt not in spec.formats:
            raise UnknownFormat(f"{spec.identifier} does not offer {fmt}")
        exporters.renderer(spec.source, fmt)  # refuse before building when it cannot render here
        if spec.perm:
            policy.require(actor, spec.perm, obj)
        source = spec.build(obj, **params)
        action = action or spec.action
    else:
        source = what
    if not action:
        raise ValueError("an export needs the audit action it is recorded under")
    seen: dict[str, int] = {}

    def counting(done: int, total: int | None) -> None:
        seen["rows"] = done
        (progress or exporters.no_progress)(done, total)

    rendered = exporters.render(source, fmt, progress=counting)
    details: dict[str, Any] = {"format": fmt}
    if exporters.source_kind(source) == exporters.ROWS:
        details["rows"] = seen.get("rows", 0)
    audit.record(actor, action, obj, after={**details, **(after or {})})
    return rendered


def export(
    actor, what: str | Exporter | Any, fmt: str, *, inline: bool = False, **options: Any
) -> HttpResponse:
    """`export_file` (the same arguments: obj, action, after, the builder's params) served; a format
    that is not offered (or not installed) is a 404."""
    try:
        rendered = export_file(actor, what, fmt, **options)
    except UnknownFormat:
        raise Http404 from None
    return rendered_response(rendered, inline=inline)
