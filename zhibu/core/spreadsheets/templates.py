"""The downloadable template of an import: the header row, one example row, drop-downs for
choice columns, text format for ID numbers, and a 说明 sheet generated from the ImportSpec."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .reading import ImportSpec
from .writing import column_widths, escape_formula, sheet_title

TEMPLATE_ROWS = 1000  # rows the template pre-formats (text columns, drop-downs)
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")


def _template_sheet(wb: Workbook, spec: ImportSpec) -> None:
    ws = wb.active
    ws.title = sheet_title(spec.title)
    ws.append([c.label for c in spec.columns])
    ws.append([escape_formula(c.example) if c.example not in (None, "") else None for c in spec.columns])
    examples = [c.example for c in spec.columns]
    for i, (column, width) in enumerate(
        zip(spec.columns, column_widths([c.label for c in spec.columns], [examples]), strict=True), start=1
    ):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i)
        head.font = Font(bold=True, color="C00000" if column.required else "000000")
        if column.required:
            head.fill = REQUIRED_FILL
        ws.column_dimensions[letter].width = max(width, 12)
        if column.text_format:
            # Text format keeps 18-digit ID numbers and leading zeros as typed.
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=i).number_format = "@"
        if column.choices:
            check = DataValidation(
                type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True
            )
            # A warning, not a stop: the import also accepts other spellings (中共党员 = 正式党员).
            check.errorStyle = "warning"
            check.showErrorMessage = True
            check.error = _("请从下拉列表中选择")
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    ws.freeze_panes = "A2"


def _notes_sheet(wb: Workbook, spec: ImportSpec, max_mb: str) -> None:
    ws = wb.create_sheet(_("说明"))
    general = [
        _("填写说明"),
        _("1. 在“%(sheet)s”工作表中每人填一行，第一行是列名，请勿修改列名；红色列名为必填。")
        % {"sheet": spec.title},
        _("2. 第2行是示例，导入前请删除。"),
        _("3. 可以上传本模板（.xlsx），也可以上传CSV文件（UTF-8或GBK编码，Excel“另存为CSV”即可）。"),
        _("4. 文件不超过%(mb)s，每次最多%(n)d行。") % {"mb": max_mb, "n": spec.max_rows},
        _("5. 系统先检查全部行，只要有一处问题就一行也不导入，并列出每个问题所在的工作表、行、列和原因。"),
        "",
    ]
    for line in general:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    start = len(general) + 1
    ws.append([_("列名"), _("是否必填"), _("填写说明"), _("也可写作")])
    for cell in ws[start]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        ws.append(
            [
                column.label,
                _("必填") if column.required else _("选填"),
                column.help,
                "、".join(column.aliases),
            ]
        )
    for letter, width in zip("ABCD", (18, 10, 70, 30), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=start + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def import_template(spec: ImportSpec, max_mb: str) -> bytes:
    """The template users download: the header row, one example row, and a 说明 sheet."""
    wb = Workbook()
    _template_sheet(wb, spec)
    _notes_sheet(wb, spec, max_mb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
