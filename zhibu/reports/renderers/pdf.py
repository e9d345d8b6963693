"""PDF: the 公文 .docx converted by LibreOffice (reports/pdf.py); offered only where soffice exists."""

from __future__ import annotations

from .. import pdf
from ..document import Document
from .docx import render_docx
from .registry import register


@register("pdf", label="PDF", content_type="application/pdf", order=50, available=pdf.available)
def render_pdf(document: Document) -> bytes:
    return pdf.convert(render_docx(document))
