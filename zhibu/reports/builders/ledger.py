"""台账: for each ledger that registered figures, each figure's value and the records behind it as
a table with the model's own (official, verbose) field names as headers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _l

from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import sections
from zhibu.core.registries.sections import SectionContext, fig

from ..document import Document, Heading, Paragraph, Table
from .common import fmt_value, ledgers_with_figures
from .registry import register

HIDDEN_FIELDS = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "path",
    "password",
    "name_pinyin",
    "name_strokes",
}
MAX_ROWS = 2000  # a branch's year is far below; a bureau-wide workbook is cut with a note


@register("ledger", _l("台账"))
def ledger(org, period: Period, ctx: SectionContext) -> Document:
    doc = Document("ledger", f"{org.name}{period.label}工作台账", org, period)
    for ledger_code, specs in ledgers_with_figures().items():
        doc.blocks.append(Heading(1, sections.ledger_label(ledger_code)))
        for spec in specs:
            value = ctx.value(spec.code)
            doc.blocks.append(Paragraph(f"{spec.label}：{fig(spec.code)}", style="lead"))
            table = None if spec.records_private else records_table(value.records)
            if table is not None:
                doc.blocks.append(table)
    return doc


def _columns(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS and not getattr(f, "redact_in_audit", False)
    ]


def _cell(obj: models.Model, field: models.Field) -> str:
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    value = getattr(obj, field.name)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return cn_date(value.date())
    if isinstance(value, date):
        return cn_date(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return fmt_value(value)
    return str(value)


def records_table(records) -> Table | None:
    if records is None or not hasattr(records, "model"):
        return None
    columns = _columns(records.model)
    related = [f.name for f in columns if f.is_relation]
    qs = records.select_related(*related) if related else records
    if not qs.ordered:
        qs = qs.order_by("pk")
    rows = [[_cell(obj, f) for f in columns] for obj in qs[:MAX_ROWS]]
    return Table(headers=[str(f.verbose_name) for f in columns], rows=rows)
