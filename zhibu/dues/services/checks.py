"""The checks the dues services share: a month's dues against the book, named in Chinese."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date
from zhibu.people import selectors as people_selectors

from .. import book, calc
from ..book import MemberDues

# Paying ahead (预交) is allowed up to a year: a retiree often pays the whole year in January.
AHEAD_MONTHS = 11
# 补交 of more than this many months is flagged on the payment (党章: six months unpaid without
# reason is a matter for the branch).
LONG_BACK = 6


def months_book(org: Organisation, until: date, person_ids=None) -> dict[int, MemberDues]:
    """{person id: her dues} for org's members (or just `person_ids`) up to `until`'s month."""
    people = people_selectors.people_of(org)
    if person_ids is not None:
        people = people.filter(pk__in=list(person_ids))
    return {b.person.pk: b for b in book.build(org, until, people=people)}


def month_range(first: date | None, last: date | None, paid_on: date) -> list[date]:
    if first is None:
        raise ValidationError({"first_month": _("请填写所交党费的起始月份")})
    last = last or first
    first, last = calc.month_start(first), calc.month_start(last)
    if last < first:
        raise ValidationError(
            {"last_month": _("截止月份（%(l)s）不能早于起始月份（%(f)s）")
             % {"l": calc.month_label(last), "f": calc.month_label(first)}}
        )  # fmt: skip
    ahead = calc.add_months(calc.month_start(paid_on), AHEAD_MONTHS)
    if last > ahead:
        raise ValidationError(
            {"last_month": _("预交党费最多到%(m)s（交纳日期起12个月内）") % {"m": calc.month_label(ahead)}}
        )
    return calc.months_between(first, last)


def dues_of_months(
    person: Person, dues: MemberDues | None, months: list[date], field: str
) -> list[book.Month]:
    """The book's months for `months`, each due and unpaid; otherwise the first problem, naming the
    month (and when it was paid)."""
    found = []
    for month in months:
        m = dues.month(month) if dues is not None else None
        label = calc.month_label(month)
        if m is None:
            raise ValidationError(
                {field: _("%(name)s在%(m)s不是党员（预备党员或正式党员），不交纳党费")
                 % {"name": person.name, "m": label}}
            )  # fmt: skip
        if m.paid is not None:
            raise ValidationError(
                {field: _("%(name)s%(m)s的党费已经交过（%(due)s元），不能重复登记")
                 % {"name": person.name, "m": label, "due": m.paid}}
            )  # fmt: skip
        if m.due is None:
            raise ValidationError(
                {field: _("%(name)s%(m)s还没有党费基数，请先登记基数") % {"name": person.name, "m": label}}
            )
        found.append(m)
    return found


def expected_amount(months: list[book.Month], amount, clean) -> Decimal:
    """The dues of the months; an amount typed in must equal them (more goes as 自愿多交)."""
    total = sum((m.due for m in months), Decimal("0.00"))
    if amount is None or (isinstance(amount, str) and not amount.strip()):
        return total
    typed = clean(amount, "amount", _("金额（元）"))
    if typed != total:
        detail = "、".join(f"{m.label}{m.due}元" for m in months[:6]) + ("等" if len(months) > 6 else "")
        raise ValidationError(
            {"amount": _("金额应为应交党费%(t)s元（%(d)s），填写的是%(a)s元；"
                         "多交的部分请另行登记为自愿多交党费")
             % {"t": total, "d": detail, "a": typed}}
        )  # fmt: skip
    return total


def back_months(months: list[date], paid_on: date) -> int:
    """How many of the months had ended before the month of payment (补交)."""
    return sum(1 for m in months if m < calc.month_start(paid_on))


def day_label(day: date) -> str:
    return cn_date(day)
