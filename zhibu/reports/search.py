"""Saved documents in the search box: the title and the current revision's headings and paragraphs
(figure references left out: their numbers are not words to search for)."""

from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search
from zhibu.core.registries.sections import TOKEN

from . import drafting
from .models import ReportDocument, ReportRevision


def _with_current():
    current = ReportRevision.objects.filter(number=F("document__revision_number"))
    return ReportDocument.objects.prefetch_related(Prefetch("revisions", queryset=current, to_attr="current"))


def _text(revision: ReportRevision | None) -> str:
    if revision is None:
        return ""
    texts = (b.get("text", "") for b in revision.blocks if b.get("type") in ("heading", "para"))
    return "\n".join(TOKEN.sub("", text) for text in texts if text)


@search.register(
    "reports", model=ReportDocument, label=_("总结材料"), perm="reports.view", rows=_with_current, order=50
)
def document_document(record: ReportDocument) -> search.Doc:
    current = getattr(record, "current", None)
    revision = current[0] if current else drafting.current_revision(record)
    return search.Doc(title=record.title, text=_text(revision), day=record.end)
