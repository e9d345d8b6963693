"""reports in the exporter registry: its document renderers (docx, html, md, xlsx, pdf — the code in
renderers/ and pdf.py) and two exporters, a saved document and the 台账 workbook."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zhibu.core.periods import Period
from zhibu.core.registries import exporters

from . import drafting, renderers  # noqa: F401 - renderers register on import
from .audit_actions import ReportsAction
from .document import Document
from .jobs import runs_as_job
from .models import ReportDocument


def saved_document(record: ReportDocument) -> Document:
    return drafting.load(record)


def ledger_workbook(organisation, *, period: Period) -> Document:
    document, _values = drafting.draft("ledger", organisation, period)
    return document


SAVED_DOCUMENT = exporters.register(
    "reports.document",
    label=_("材料"),
    source=exporters.DOCUMENT,
    formats=("docx", "html", "md", "xlsx", "pdf"),
    perm="reports.view",
    action=ReportsAction.DOCUMENT_EXPORTED,
    build=saved_document,
    description=_("已保存的简报、总结或台账（当前版本）。"),
)
LEDGER_WORKBOOK = exporters.register(
    "reports.ledger",
    label=_("台账工作簿"),
    source=exporters.DOCUMENT,
    formats=("xlsx",),
    perm="reports.view",
    action=ReportsAction.LEDGER_EXPORTED,
    build=ledger_workbook,
    description=_("每本台账一个工作表，列出每个统计数背后的记录。"),
    # Listing every record behind every figure is long by the same measure as drafting a document.
    background=lambda organisation, *, period: runs_as_job(organisation, period),
)
