"""Cells that a spreadsheet would evaluate (= + - @, tab, CR, LF and their full-width forms) leave
every registered row exporter neutralised, in .xlsx and in .csv, read back from the real files.

Every row exporter renders through the renderers its spec offers; the rows it yields come from the
ledger's records, so the test feeds each of those renderers rows made only of formula-looking text
(the roster's end-to-end export with such people is people/tests/test_roster_export.py)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import FORMULA_TRIGGERS, ListExporter

HOSTILE = [
    '=HYPERLINK("http://evil.example/","点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "＝1+1",
    "＠SUM(A1)",
    "=cmd|' /C calc'!A0",
]


class _Hostile(ListExporter):
    title = "=台账"
    filename = "hostile"
    note = "=说明"

    def iterate_list(self):
        yield ["=表头", "+列", "姓名"]
        for value in HOSTILE:
            yield [value, value, "张三"]


def _cells(fmt: str, content: bytes) -> list[str]:
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        return [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _row_exporters() -> list:
    return [
        pytest.param(spec, renderer, id=f"{spec.identifier}-{renderer.fmt}")
        for spec in exporters.all_exporters()
        if spec.source == exporters.ROWS
        for renderer in spec.renderers()
    ]


def test_every_row_exporter_offers_a_spreadsheet():
    cases = _row_exporters()
    assert len(cases) >= 2 * 10  # the ledgers' exports, each in xlsx and csv
    assert {c.values[1].fmt for c in cases} == {"xlsx", "csv"}


@pytest.mark.parametrize(("spec", "renderer"), _row_exporters())
def test_formula_cells_are_neutralised(spec, renderer):
    cells = _cells(renderer.fmt, renderer.render(_Hostile(), exporters.no_progress))
    risky = [c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    assert not risky, f"{spec.identifier} ({renderer.fmt}) left live formulas: {risky}"
    for value in [*HOSTILE, "=表头", "+列"]:
        assert "'" + value in cells, (spec.identifier, renderer.fmt, value)
    if renderer.fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(renderer.render(_Hostile(), exporters.no_progress))).active
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
