"""The oversight grid as .xlsx: every branch that passes the filters (not only the page shown),
the cells as the grid shows them, with their state in words. No person is named in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import grid
from .audit_actions import BureauAction


class GridExporter(ListExporter):
    def __init__(self, data: grid.Grid) -> None:
        self.grid = data
        self.title = str(_("支部总览"))
        self.filename = f"{data.root.name}支部总览{grid.span_value(data.span)}"
        self.note = _("%(org)s所属党支部工作情况（%(span)s，截至%(d)s）") % {
            "org": data.root.name,
            "span": data.span.label,
            "d": data.today.isoformat(),
        }
        self.total = len(data.rows)

    def header(self) -> list[str]:
        head = [_("党支部")]
        for column in self.grid.columns:
            if column.expanded:
                head += [f"{column.column.label} {label}" for _key, label in column.column.periods]
            head.append(_("%(c)s（完成/应完成）") % {"c": column.column.label})
        head += [f"{spec.label}（{spec.unit}）" for spec in self.grid.figure_specs]
        head += [_("未整改问题（%(s)s）") % {"s": label} for _code, label in self.grid.severities]
        return head

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield self.header()
        for row in self.grid.rows:
            line: list[Any] = [row.branch.name]
            for column in self.grid.columns:
                keys = [k for k, _label in column.column.periods] if column.expanded else []
                for key in [*keys, ""]:
                    cell = row.cell(column, key)
                    line.append(f"{cell.text}（{cell.state_label}）" if cell else "")
            line += [row.figures.get(spec.code, 0) for spec in self.grid.figure_specs]
            line += [row.findings.get(code, 0) for code, _label in self.grid.severities]
            yield line


def build(root, *, span, text="", meeting_type="", only_problems=False, sort="") -> GridExporter:
    data = grid.build(
        root,
        span,
        timezone.localdate(),
        text=text,
        meeting_type=meeting_type,
        only_problems=only_problems,
        sort=sort,
    )
    return GridExporter(data)


GRID = exporters.register(
    "bureau.grid",
    label=_l("支部总览"),
    formats=("xlsx",),
    perm="bureau.oversight",
    action=BureauAction.GRID_EXPORTED,
    build=build,
    description=_l("所属党支部三会一课、材料报送、主要数据和未整改问题一览，不含任何个人信息。"),
)
