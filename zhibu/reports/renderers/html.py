"""HTML: the standalone print file (its own stylesheet, so it prints the same wherever it is opened).
The in-app view renders the same block template inside the site layout."""

from __future__ import annotations

from django.template.loader import render_to_string

from ..document import Document
from .registry import register


@register("html", label="HTML（打印）", content_type="text/html; charset=utf-8", order=20)
def render_html(document: Document) -> bytes:
    return render_to_string("reports/export.html", {"document": document}).encode("utf-8")
