"""Real roster files for tests and the benchmark: .xlsx built with openpyxl, CSV in a given encoding."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook

from zhibu.core.idnumbers import with_check_digit

HEADER = [
    "姓名",
    "性别",
    "出生日期",
    "身份证号",
    "联系电话",
    "政治面貌",
    "政治面貌起始日期",
    "工作单位",
    "人员类别",
]


def id_for(seq: int, birth: date, gender: str) -> str:
    """A valid ID number; its 17th digit is odd for men and even for women, as the standard says."""
    serial = (seq * 2 + (1 if gender == "男" else 0)) % 1000
    return with_check_digit(f"110101{birth:%Y%m%d}{serial:03d}")


def person_row(
    seq: int,
    name: str,
    *,
    gender: str = "女",
    birth: date = date(1985, 6, 15),
    status: str = "中共党员",
    since: Any = "2010-07-01",
    phone: str = "13800000000",
    unit: str = "育才学校",
    category: str = "在职",
    id_number: str | None = None,
) -> list[Any]:
    number = id_for(seq, birth, gender) if id_number is None else id_number
    return [name, gender, birth.isoformat(), number, phone, status, since, unit, category]


def xlsx_bytes(
    rows: Sequence[Sequence[Any]],
    *,
    header: Sequence[Any] = HEADER,
    sheet: str = "花名册",
    above: Sequence[Sequence[Any]] = (),
) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for line in above:
        ws.append(list(line))
    if header:
        ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows: Sequence[Sequence[Any]], *, encoding: str, header: Sequence[Any] = HEADER) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def sample_rows(count: int, start: int = 1) -> list[list[Any]]:
    """`count` distinct valid people (unique names and ID numbers)."""
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    given = "秀英建国丽娟晓明海燕志强红梅文华雪华春华"
    rows = []
    for i in range(start, start + count):
        name = surnames[i % 20] + given[(i // 20) % 20] + given[(i // 400) % 20]
        gender = "男" if i % 2 else "女"
        birth = date(1960 + i % 30, 1 + i % 12, 1 + i % 28)
        rows.append(person_row(i, name, gender=gender, birth=birth, phone=f"139{i:08d}"))
    return rows
