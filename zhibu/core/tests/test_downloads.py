"""core/downloads.py and the exporter registry on their own: the response headers, file names,
progress reports of the row renderers, and the registry's refusals."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from openpyxl import load_workbook

from zhibu.core import downloads
from zhibu.core.models import AuditEntry
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets import writing


class Numbers(writing.ListExporter):
    title = "数字"
    filename = "数字表"

    def __init__(self, n: int, *, know_total: bool = False):
        self.n, self.know_total = n, know_total

    def iterate_list(self):
        yield ("序号", "名称")
        if self.know_total:
            self.total = self.n
        for i in range(1, self.n + 1):
            yield (i, f"第{i}行")


def test_file_response_from_bytes_has_the_safe_headers():
    response = downloads.file_response(b"x", filename="支部名册.xlsx", content_type=writing.XLSX_TYPE)
    assert (
        response["Content-Disposition"]
        == "attachment; filename*=utf-8''%E6%94%AF%E9%83%A8%E5%90%8D%E5%86%8C.xlsx"
    )
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == writing.XLSX_TYPE and response.content == b"x"


def test_file_response_streams_a_file_inline():
    response = downloads.file_response(
        ContentFile(b"\x89PNG", name="a.png"), filename="合影.png", content_type="image/png", inline=True
    )
    assert isinstance(response, FileResponse)
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''")
    assert b"".join(response.streaming_content) == b"\x89PNG"
    assert response["Cache-Control"] == "no-store" and response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("report.docx", 'attachment; filename="report.docx"'),
        ("../../etc/passwd", 'attachment; filename="_.._etc_passwd"'),
        ('a"b\r\nSet-Cookie: x.txt', 'attachment; filename="a\\"b_Set-Cookie: x.txt"'),
        ("", 'attachment; filename="download"'),
    ],
)
def test_file_names_cannot_carry_paths_or_headers(name, header):
    response = downloads.file_response(b"", filename=name, content_type="text/plain")
    assert response["Content-Disposition"] == header


def test_no_content_type_falls_back_to_octet_stream():
    response = downloads.file_response(b"", filename="扫描件", content_type="")
    assert response["Content-Type"] == "application/octet-stream"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_row_renderers_report_progress_every_n_rows(monkeypatch, fmt):
    monkeypatch.setattr(writing, "PROGRESS_EVERY", 3)
    calls: list[tuple[int, int | None]] = []
    rendered = exporters.render(Numbers(7), fmt, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(3, None), (6, None), (7, 7)]  # the total is reported once it is known
    assert rendered.filename == f"数字表.{fmt}"
    calls.clear()
    exporters.render(
        Numbers(7, know_total=True), fmt, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(3, 7), (6, 7), (7, 7)]


def test_rendered_rows_read_back():
    xlsx = exporters.render(Numbers(2), "xlsx")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).worksheets[0].iter_rows(values_only=True))
    assert rows == [("序号", "名称"), (1, "第1行"), (2, "第2行")]
    assert xlsx.content_type == writing.XLSX_TYPE
    text = exporters.render(Numbers(2), "csv").content
    assert text.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(text.decode("utf-8-sig")))) == [
        ["序号", "名称"],
        ["1", "第1行"],
        ["2", "第2行"],
    ]


def test_registry_refuses_unknown_formats_sources_and_duplicates():
    with pytest.raises(exporters.UnknownFormat):
        exporters.render(Numbers(1), "docx")  # a document format is not a rows format
    with pytest.raises(TypeError):
        exporters.render(object(), "xlsx")
    with pytest.raises(exporters.UnknownExporter):
        exporters.get("nowhere.nothing")
    with pytest.raises(ValueError, match="registered twice"):
        exporters.register_renderer("xlsx", source=exporters.ROWS, label="x", content_type="x")(
            lambda source, progress: b""
        )
    with pytest.raises(ValueError, match="source"):
        exporters.register_renderer("txt", source="pictures", label="x", content_type="x")


def test_export_needs_an_audit_action_and_refuses_formats_not_offered(db):
    with pytest.raises(ValueError, match="audit action"):
        downloads.export_file(None, Numbers(1), "csv")
    spec = exporters.Exporter("test.numbers", "数字", exporters.ROWS, ("csv",), lambda obj: Numbers(1))
    with pytest.raises(exporters.UnknownFormat):
        downloads.export_file(None, spec, "xlsx", action="core.user.changed")
    with pytest.raises(Http404):
        downloads.export(None, spec, "xlsx", action="core.user.changed")
    assert spec.choose("xlsx") == "csv" and spec.choose(None) == "csv" and spec.choose("csv") == "csv"


def test_a_new_ledger_export_is_a_few_lines(world):
    """A ListExporter and one register call: permission, rendering, audit and headers come with it."""
    spec = exporters.register(
        "test.numbers",
        label="数字台账",
        formats=("xlsx", "csv"),
        perm="figures.view",
        action="core.organisation.changed",
        build=lambda org, n=3: Numbers(n),
    )
    try:
        response = downloads.export(world.secretary, "test.numbers", "csv", obj=world.branch, n=4)
        assert (
            response["Content-Disposition"] == "attachment; filename*=utf-8''%E6%95%B0%E5%AD%97%E8%A1%A8.csv"
        )
        assert len(response.content.decode("utf-8-sig").splitlines()) == 5
        entry = AuditEntry.objects.get(action="core.organisation.changed")
        assert entry.after == {"format": "csv", "rows": 4} and entry.organisation == world.branch
        with pytest.raises(PermissionDenied):
            downloads.export(world.member, spec, "xlsx", obj=world.branch)
        with pytest.raises(Http404):
            downloads.export(world.outsider, spec, "xlsx", obj=world.branch)
        assert AuditEntry.objects.filter(action="core.organisation.changed").count() == 1
    finally:
        exporters._EXPORTERS.pop("test.numbers")
