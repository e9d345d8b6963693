"""Chinese resident ID numbers (GB 11643-1999): 17 digits and a check character."""

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_PATTERN = re.compile(r"^\d{17}[\dX]$")


def normalise(value: str) -> str:
    return value.strip().upper().replace(" ", "")


def problem(value: str) -> str | None:
    """None when valid, else a Chinese reason."""
    value = normalise(value)
    if not _PATTERN.match(value):
        return "身份证号应为18位，前17位为数字，最后一位为数字或X"
    if _CHECK[sum(int(d) * w for d, w in zip(value[:17], _WEIGHTS, strict=True)) % 11] != value[17]:
        return "身份证号校验位不正确"
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号中的出生日期不存在"
    return None


def birth_date(value: str) -> date:
    value = normalise(value)
    return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def with_check_digit(first17: str) -> str:
    """Complete 17 digits with the check character (demo data and test factories)."""
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]
