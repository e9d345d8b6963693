"""What may be published: the checks every write of an item's text runs, so a draft that could not
be published is refused as early as it is typed. Nothing about a student (the mentoring ledger
answers whether a text names one of the branch's mentored students), no ID-card number, no phone
number: a name and a post are the only personal data the board carries."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation
from zhibu.core.periods import cn_date
from zhibu.core.registries import publishable
from zhibu.mentoring import selectors as mentoring_selectors

# 18-digit resident ID (17 digits and a check character) or the old 15-digit one, not inside a
# longer run of digits or letters.
ID_CARD = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
# Mobile numbers (with optional spaces or dashes as people write them) and landlines with an area code.
PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]\d{7,8})(?!\d)")


def publishable_text(org: Organisation, fields: dict[str, tuple[str, str]]) -> None:
    """`fields`: {field name: (label, text)}. Refuses, naming the field, a text that carries an
    ID-card number, a phone number or a mentored student's name."""
    for field, (label, text) in fields.items():
        if ID_CARD.search(text or ""):
            raise ValidationError(
                {field: _("%(label)s中含有身份证号码，党务公开不得公布个人证件信息") % {"label": label}}
            )
        if PHONE.search(text or ""):
            raise ValidationError(
                {field: _("%(label)s中含有电话号码，党务公开不得公布个人联系方式") % {"label": label}}
            )
    for field, (label, text) in fields.items():
        if mentoring_selectors.mentions_student(org, text or ""):
            raise ValidationError(
                {field: _("%(label)s涉及包教学生的信息，党务公开不得公布任何学生的情况") % {"label": label}}
            )


def window(kind_is_notice: bool, start: date | None, end: date | None, *, publishing: bool) -> None:
    """The publish window: its end never before its start; to publish, a start; a 公示 also an end
    (its period, within which objections are taken)."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            {"publish_until": _("公开截止日期（%(end)s）不能早于公开起始日期（%(start)s）")
             % {"end": cn_date(end), "start": cn_date(start)}}
        )  # fmt: skip
    if publishing and start is None:
        raise ValidationError({"publish_from": _("发布前请填写公开起始日期")})
    if kind_is_notice and publishing and end is None:
        raise ValidationError({"publish_until": _("公示须填写公示截止日期（公示期）")})


def not_sensitive(source_code: str) -> None:
    """An item made from a source marked sensitive is never published (nor drafted)."""
    if not source_code:
        return
    try:
        source = publishable.get(source_code)
    except Http404:  # a source no longer registered: nothing to judge it by
        return
    if source.sensitive:
        raise ValidationError(
            {"source_code": _("“%(label)s”的内容涉及敏感信息，不能公开") % {"label": source.label}}
        )
