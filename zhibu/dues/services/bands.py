"""党费交纳标准: a new set of bands from an effective date, entered when the rule is revised. The
old sets stay: each month is judged by the set in force then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import clean_money, optional_text
from zhibu.core.models import Organisation

from .. import calc, selectors
from ..audit_actions import DuesAction
from ..models import BandCategory, DuesBand


def parse_lines(text: str) -> list[dict]:
    """The form's lines "类别,上限,比例%,固定额": e.g. "serving,3000,0.5," or "no_income,,,0.20";
    the category may be its code or its Chinese label."""
    labels = {str(label): value for value, label in BandCategory.choices}
    rows = []
    for n, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("，", ",").split(",")] + ["", "", ""]
        category = labels.get(parts[0], parts[0])
        rows.append({"line": n, "category": category, "up_to": parts[1], "rate": parts[2], "fixed": parts[3]})
    return rows


def _rate(value: str, where: str) -> Decimal | None:
    if not value:
        return None
    try:
        rate = Decimal(value.rstrip("%"))
    except InvalidOperation:
        raise ValidationError({"bands": _("%(w)s：比例“%(v)s”不是数字") % {"w": where, "v": value}}) from None
    if not (0 < rate <= 100) or rate != rate.quantize(Decimal("0.01")):
        raise ValidationError({"bands": _("%(w)s：比例须大于0、不超过100，最多两位小数") % {"w": where}})
    return rate


def _band(row: dict) -> dict:
    where = _("第%(n)d行") % {"n": row["line"]}
    if row["category"] not in BandCategory.values:
        raise ValidationError({"bands": _("%(w)s：类别须为在职、离退休或学生和无收入") % {"w": where}})
    up_to = clean_money(row["up_to"], "bands", where + _("上限")) if row["up_to"] else None
    rate = _rate(row["rate"], where)
    fixed = clean_money(row["fixed"], "bands", where + _("固定额")) if row["fixed"] else None
    if (rate is None) == (fixed is None):
        raise ValidationError({"bands": _("%(w)s：比例和每月固定额须填且只填一项") % {"w": where}})
    return {"category": row["category"], "up_to": up_to, "rate": rate, "fixed": fixed}


def check_set(rows: list[dict]) -> list[dict]:
    bands = [_band(row) for row in rows]
    for category, label in BandCategory.choices:
        mine = [b for b in bands if b["category"] == category]
        if not mine:
            raise ValidationError({"bands": _("缺少“%(c)s”的标准") % {"c": label}})
        open_bands = [b for b in mine if b["up_to"] is None]
        if len(open_bands) != 1:
            raise ValidationError({"bands": _("“%(c)s”须有且只有一档不设上限") % {"c": label}})
        limits = [b["up_to"] for b in mine if b["up_to"] is not None]
        if len(set(limits)) != len(limits):
            raise ValidationError({"bands": _("“%(c)s”有两档上限相同") % {"c": label}})
    return bands


@writes.service
def band_set_create(
    *, actor, organisation: Organisation, effective_from: date | None, lines: str, source: str = ""
) -> list[DuesBand]:
    """A revised national rule, from the first of a month; it must be newer than every set on file
    (an older month is judged by the set it was judged by when it was paid)."""
    policy.require(actor, "dues.bands", organisation)
    if effective_from is None:
        raise ValidationError({"effective_from": _("请填写执行日期")})
    month = calc.month_start(effective_from)
    days = selectors.band_days()
    if days and month <= days[-1]:
        raise ValidationError(
            {"effective_from": _("执行日期须晚于现行标准的执行日期（%(d)s）") % {"d": days[-1].isoformat()}}
        )
    rows = parse_lines(lines)
    if not rows:
        raise ValidationError({"bands": _("请逐行填写各档标准")})
    source = optional_text(source, "source", _("依据"), 200)
    made = []
    for fields in check_set(rows):
        band = DuesBand(effective_from=month, source=source, **fields)
        made.append(
            writes.model_create(band, actor=actor, action=DuesAction.BAND_CREATED, organisation=organisation)
        )
    return made
