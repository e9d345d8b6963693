"""core's registrations in the exporter registry: the two row renderers every ledger's list
export uses (the code stays in core/spreadsheets/writing.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .registries import exporters
from .spreadsheets import writing

exporters.register_renderer(
    "xlsx", source=exporters.ROWS, label=_("Excel 表格"), content_type=writing.XLSX_TYPE, order=10
)(writing.render_xlsx)
exporters.register_renderer(
    "csv", source=exporters.ROWS, label=_("CSV 文件"), content_type="text/csv; charset=utf-8", order=20
)(writing.render_csv)
