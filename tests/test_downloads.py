"""Every view that serves a file, through the one download path: a Chinese file name in RFC 5987
form, Cache-Control: no-store, nosniff, and the audit entry of the view's own action."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import exporters
from zhibu.reports import pdf

CHINESE = re.compile(r"[\u4e00-\u9fff]")
RFC5987 = "filename*=utf-8''"


@dataclass
class Download:
    """A request that answers with a file: (world) -> (method, url, data)."""

    request: Callable
    disposition: str  # "attachment" | "inline"
    name: str  # a part of the file name
    audit: str | None  # the action the view records, None when serving a file is not audited
    persona: str = "secretary"


def _document(world, fmt):
    from zhibu.reports import services

    record = services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="weekly", period=Period.week(date(2023, 5, 8))
    )
    return "get", reverse("reports:download", args=[record.pk, fmt]), None


def _export_job(world):
    from zhibu.core.export_jobs import EXPORT, export_params
    from zhibu.core.jobs import job_start
    from zhibu.people.exporters import ROSTER

    job = job_start(
        actor=world.secretary,
        organisation=world.branch,
        kind=EXPORT,
        label="导出",
        params=export_params(ROSTER, "xlsx"),
    )
    return "get", reverse("core:job_result", args=[job.pk]), None


def _meeting_attachment(world, upload):
    from zhibu.meetings import services
    from zhibu.meetings.tests.helpers import make_meeting

    meeting = make_meeting(world.branch, "theme_day")
    item = services.attachment_add(actor=world.secretary, meeting=meeting, upload=upload)
    return "get", reverse("meetings:attachment", args=[item.pk]), None


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "签到"
    book.save(buffer)
    return buffer.getvalue()


def _note_scan(world):
    from zhibu.core.testing import png_bytes
    from zhibu.study.tests.helpers import note

    n = note(world.branch, world.people["member"], date(2023, 3, 6), title="五月学习笔记")
    n.scan.name = default_storage.save("study/notes/download-test.png", ContentFile(png_bytes()))
    n.scan_type, n.scan_name = "image/png", "第一页扫描.png"
    n.save()
    return "get", reverse("study:note_scan", args=[n.pk]), None


def _booklet(world):
    from zhibu.mentoring.tests.factories import make_case, make_log

    make_log(make_case(world.people["member"]), date(2023, 3, 2))
    return "post", reverse("mentoring:booklet") + "?org=yucai", {}


def _mentoring_attachment(world):
    import base64

    from zhibu.mentoring.models import LogAttachment
    from zhibu.mentoring.tests.factories import make_case, make_log

    log = make_log(make_case(world.people["member"]), date(2023, 3, 1))
    attachment = LogAttachment.objects.create(
        log=log,
        organisation=log.organisation,
        filename="王小川的作业.png",
        content_type="image/png",
        size=3,
        content=base64.b64encode(b"png").decode(),
    )
    return "get", reverse("mentoring:attachment", args=[attachment.pk]), None


needs_soffice = pytest.mark.skipif(not pdf.available(), reason="LibreOffice not installed")

DOWNLOADS = {
    "people:export xlsx": Download(
        lambda w: ("get", reverse("people:export") + "?org=yucai", None),
        "attachment",
        "人员名册",
        "people.roster.exported",
    ),
    "people:export csv": Download(
        lambda w: ("get", reverse("people:export") + "?org=yucai&format=csv", None),
        "attachment",
        "人员名册",
        "people.roster.exported",
    ),
    "people:import_template": Download(
        lambda w: ("get", reverse("people:import_template") + "?org=yucai", None),
        "attachment",
        "花名册导入模板.xlsx",
        None,
    ),
    **{
        f"reports:download {fmt}": Download(
            lambda w, fmt=fmt: _document(w, fmt), "attachment", "育才学校", "reports.document.exported"
        )
        for fmt in ("docx", "html", "md", "xlsx")
    },
    "reports:download pdf": pytest.param(
        Download(lambda w: _document(w, "pdf"), "attachment", "育才学校", "reports.document.exported"),
        marks=needs_soffice,
    ),
    "reports:workbook": Download(
        lambda w: ("get", reverse("reports:workbook") + "?org=yucai&start=2023-05-01&end=2023-05-31", None),
        "attachment",
        "台账",
        "reports.ledger.exported",
    ),
    # A large export's file, served from its job (the export's audit entry was written by the job).
    "core:job_result export": Download(_export_job, "attachment", "人员名册", None),
    "meetings:attachment image": Download(
        lambda w: _meeting_attachment(w, SimpleUploadedFile("合影.png", _png())), "inline", "合影.png", None
    ),
    "meetings:attachment document": Download(
        lambda w: _meeting_attachment(w, SimpleUploadedFile("签到表.xlsx", _xlsx_bytes())),
        "attachment",
        "签到表.xlsx",
        None,
    ),
    "study:note_scan": Download(_note_scan, "inline", "第一页扫描.png", None, persona="member"),
    "mentoring:booklet": Download(_booklet, "attachment", "党员包教工作记录", "mentoring.booklet.exported"),
    "mentoring:attachment": Download(
        _mentoring_attachment, "attachment", "包教记录附件", "mentoring.case.read"
    ),
}


def _png() -> bytes:
    from zhibu.core.testing import png_bytes

    return png_bytes()


@pytest.mark.parametrize("case", list(DOWNLOADS.values()), ids=list(DOWNLOADS))
def test_every_download_has_the_safe_headers_and_its_audit_entry(world, login, case):
    method, url, data = case.request(world)
    before = AuditEntry.objects.filter(action=case.audit).count() if case.audit else 0
    client = login(world.users[case.persona])
    response = getattr(client, method)(url, data or {})
    assert response.status_code == 200, url
    disposition, _, name_part = response["Content-Disposition"].partition("; ")
    assert disposition == case.disposition
    assert name_part.startswith(RFC5987), response["Content-Disposition"]
    filename = unquote(name_part.removeprefix(RFC5987))
    assert CHINESE.search(filename) and case.name in filename, filename
    assert "/" not in filename and '"' not in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    if case.audit:
        assert AuditEntry.objects.filter(action=case.audit).count() == before + 1
    if response.streaming:
        response.close()


def test_mentoring_attachment_name_never_carries_the_uploaded_name(world, login):
    method, url, _data = _mentoring_attachment(world)
    response = login(world.secretary).get(url)
    assert "王小川" not in unquote(response["Content-Disposition"])
    assert unquote(response["Content-Disposition"]).endswith(".png")


def test_no_view_builds_a_file_response_itself():
    """core/downloads.py is the one place a file response is made; a view doing it by hand would
    miss a header (that was the state before: three views, three ways)."""
    root = Path(settings.BASE_DIR) / "zhibu"
    allowed = {root / "core" / "downloads.py"}
    pattern = re.compile(r"Content-Disposition|FileResponse\(|content_disposition_header")
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("**/*.py")
        if "tests" not in path.parts
        and path not in allowed
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, offenders


def test_renderer_registry_lists_every_format_once(world):
    rows = exporters.formats(exporters.ROWS)
    documents = exporters.formats(exporters.DOCUMENT)
    assert list(rows) == ["xlsx", "csv"]
    expected = ["docx", "html", "md", "xlsx"] + (["pdf"] if pdf.available() else [])
    assert list(documents) == expected
    every = {r.fmt for r in exporters.renderers(available_only=False)}
    assert every == {"xlsx", "csv", "docx", "html", "md", "pdf"}
    assert {e.identifier for e in exporters.all_exporters()} >= {
        "people.roster",
        "reports.document",
        "reports.ledger",
    }


def test_pdf_is_not_offered_without_soffice(world, login, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    assert "pdf" not in exporters.formats(exporters.DOCUMENT)
    assert "pdf" in exporters.formats(exporters.DOCUMENT, available_only=False)
    method, url, _data = _document(world, "pdf")
    client = login(world.secretary)
    assert client.get(url).status_code == 404
    page = client.get(url.replace("download/pdf/", ""))
    assert "download/pdf/" not in page.content.decode() and "download/docx/" in page.content.decode()
    assert not AuditEntry.objects.filter(action="reports.document.exported").exists()
