"""Spreadsheet cell escaping: a cell that starts like a formula is stored as text, so a record
typed as "=HYPERLINK(…)" cannot run when the 台账 is opened in Excel/WPS (CSV/formula injection).
Kept tiny on purpose: core.exports carries the same rule and the two are unified on merge."""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
