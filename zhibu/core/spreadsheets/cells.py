"""Cell parsers for spreadsheet imports: each turns one raw cell (as openpyxl or the CSV reader gives
it) into a Python value or raises CellError with a Chinese reason that names what is wrong.

Parsers are small factories (`date_cell()`, `choice_cell({...})`) so an import spec declares its
columns as data; blank cells never reach a parser (tabular.py applies `required`/`default`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from .. import idnumbers

Parser = Callable[[Any], Any]

# Whitespace Excel users type, including the full-width space (U+3000) and non-breaking space.
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\U00020000-\U0003ffff])\s+(?=[\u3400-\u9fff\U00020000-\U0003ffff])")
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_PHONE = re.compile(r"^[0-9+\-()（） ]{3,20}$")
# Excel serial numbers of 1927-01-01 .. 2119-01-01: plausible dates typed into a cell formatted as
# a number. Anything else numeric is reported rather than guessed.
_SERIAL_RANGE = (10_000, 80_000)


class CellError(ValueError):
    """A cell's value cannot be used; str(error) is the Chinese reason shown to the user."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value))


def as_text(value: Any) -> str:
    """A cell as trimmed text; 13912345678.0 (a phone number Excel stored as a number) → "13912345678"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\u00a0", " ").replace("\u3000", " ").strip()


def text_cell(max_length: int | None = None) -> Parser:
    def parse(value: Any) -> str:
        text = _SPACES.sub(" ", as_text(value))
        if max_length and len(text) > max_length:
            raise CellError(_("内容过长：最多%(n)d个字，现有%(m)d个字") % {"n": max_length, "m": len(text)})
        return text

    return parse


def name_cell(max_length: int = 50) -> Parser:
    """Names: "张  三" (spaces typed to align two-character names) becomes "张三"; "玛丽·居里" and
    "Mary Smith" keep their separators."""
    base = text_cell(max_length)

    def parse(value: Any) -> str:
        name = _CJK_GAP.sub("", base(value))
        if any(ch.isdigit() for ch in name):
            raise CellError(_("姓名中不应有数字：“%(v)s”") % {"v": name})
        return name

    return parse


def _make_date(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        result = dt.date(year, month, day)
    except ValueError:
        raise CellError(_("日期“%(v)s”不存在") % {"v": raw}) from None
    if not 1900 <= result.year <= 2100:
        raise CellError(_("日期“%(v)s”的年份不合理") % {"v": raw})
    return result


def _date_from_number(value: float, allow_month: bool) -> dt.date:
    if isinstance(value, float) and not value.is_integer():
        # 1980.05 typed into a number cell: a year and month (Excel drops the 0 of 1980.10).
        year, month = f"{value:.2f}".split(".")
        if allow_month and len(year) == 4:
            return _make_date(int(year), int(month), 1, f"{value:.2f}")
        raise CellError(_("无法识别的日期“%(v)s”，请写成2023-04-18") % {"v": value})
    number = int(value)
    match = _COMPACT.match(str(number))
    if match:
        return _make_date(*(int(g) for g in match.groups()), raw=str(number))
    if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        return from_excel(number).date()
    raise CellError(_("无法识别的日期“%(v)s”，请写成2023-04-18") % {"v": number})


def date_cell(*, allow_month: bool = False, not_after_today: bool = True) -> Parser:
    """Excel dates, 2023-04-18, 2023/4/18, 2023.4.18, 2023年4月18日, 20230418; with allow_month also
    1980.05 / 1980-05 / 1980年5月 (出生年月 columns), read as the first day of that month."""

    def parse(value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            result = value.date()
        elif isinstance(value, dt.date):
            result = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            result = _date_from_number(value, allow_month)
        else:
            raw = as_text(value)
            compact = _SPACES.sub("", raw)
            match = _FULL_DATE.match(compact) or _COMPACT.match(compact)
            month = _MONTH_ONLY.match(compact) if allow_month else None
            if match:
                result = _make_date(*(int(g) for g in match.groups()), raw=raw)
            elif month:
                result = _make_date(int(month[1]), int(month[2]), 1, raw)
            else:
                raise CellError(_("无法识别的日期“%(v)s”，请写成2023-04-18") % {"v": raw})
        if not_after_today and result > timezone.localdate():
            raise CellError(_("日期%(v)s晚于今天") % {"v": result.isoformat()})
        return result

    return parse


TRUE_WORDS = frozenset({"是", "是的", "y", "yes", "true", "1", "√", "✓"})
FALSE_WORDS = frozenset({"否", "不是", "n", "no", "false", "0", "×", "✗"})


def bool_cell() -> Parser:
    def parse(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        word = _SPACES.sub("", as_text(value)).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise CellError(_("应填写“是”或“否”，现为“%(v)s”") % {"v": as_text(value)})

    return parse


def choice_cell(labels: Mapping[str, Any], shown: tuple[str, ...] | None = None) -> Parser:
    """Map a Chinese label to a value; `shown` are the labels the error message lists (default: all)."""
    table = {_SPACES.sub("", str(k)): v for k, v in labels.items()}
    offered = "、".join(shown or tuple(labels))

    def parse(value: Any) -> Any:
        key = _SPACES.sub("", as_text(value))
        if key not in table:
            raise CellError(_("“%(v)s”不是可选的值，可填：%(ok)s") % {"v": as_text(value), "ok": offered})
        return table[key]

    return parse


def id_number_cell() -> Parser:
    def parse(value: Any) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            # Excel keeps 15 significant digits: an 18-digit number typed into a number cell has
            # already lost its last digits, so the value cannot be trusted at all.
            raise CellError(
                _("身份证号被Excel存成了数字，后几位可能已丢失；请把该列设为“文本”格式后重新输入")
            )
        number = idnumbers.normalise(as_text(value))
        reason = idnumbers.problem(number)
        if reason:
            raise CellError(reason)
        return number

    return parse


def phone_cell() -> Parser:
    def parse(value: Any) -> str:
        phone = as_text(value)
        if not _PHONE.match(phone):
            raise CellError(_("电话号码“%(v)s”只能包含数字、空格和-，最长20位") % {"v": phone})
        return phone

    return parse
