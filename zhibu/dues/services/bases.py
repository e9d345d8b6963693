"""党费基数: a member's monthly base from a month on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import writes
from zhibu.core.fields import clean_money, optional_text
from zhibu.core.models import Organisation, Person
from zhibu.people import selectors as people_selectors

from .. import access, book, calc, selectors
from ..audit_actions import DuesAction
from ..models import DuesBase


def _month(effective_from: date | None) -> date:
    if effective_from is None:
        raise ValidationError({"effective_from": _("请填写起始月份")})
    month = calc.month_start(effective_from)
    latest = calc.add_months(calc.month_start(timezone.localdate()), 1)
    if month > latest:
        raise ValidationError(
            {"effective_from": _("起始月份最晚为下个月（%(m)s）") % {"m": calc.month_label(latest)}}
        )
    return month


def base_fields(org: Organisation, *, person, effective_from, amount, no_income, note) -> dict:
    """The checked fields of a base; shared with the demo loader, which vouches for its actor."""
    if person is None:
        raise ValidationError({"person": _("请选择党员")})
    month = _month(effective_from)
    members = people_selectors.members_on(org, book.month_end(month)).filter(pk=person.pk)
    if not members.exists():
        raise ValidationError(
            {"person": _("%(name)s在%(m)s不是本支部党员（预备党员或正式党员），不登记党费基数")
             % {"name": person.name, "m": calc.month_label(month)}}
        )  # fmt: skip
    money = clean_money(amount, "amount", _("月交纳基数（元）"))
    if no_income and money:
        raise ValidationError({"amount": _("学生和无收入党员每月交纳0.20元，基数请填0或不填")})
    if not no_income and not money:
        raise ValidationError(
            {"amount": _("请填写月交纳基数（税后工资中的固定部分）；学生或无收入请勾选“学生或无收入”")}
        )
    if selectors.base_exists(person, month):
        raise ValidationError(
            {"effective_from": _("%(name)s自%(m)s起的基数已经登记，如有错误请先删除原记录")
             % {"name": person.name, "m": calc.month_label(month)}}
        )  # fmt: skip
    return {
        "person": person,
        "effective_from": month,
        "amount": money,
        "no_income": bool(no_income),
        "note": optional_text(note, "note", _("备注"), 200),
    }


@writes.service
def base_create(
    *,
    actor,
    organisation: Organisation,
    person: Person | None,
    effective_from: date | None,
    amount: Decimal | str | None,
    no_income: bool = False,
    note: str = "",
) -> DuesBase:
    access.require(actor, "dues.edit", organisation)
    fields = base_fields(
        organisation,
        person=person,
        effective_from=effective_from,
        amount=amount,
        no_income=no_income,
        note=note,
    )
    return writes.model_create(
        DuesBase(organisation=organisation, **fields), actor=actor, action=DuesAction.BASE_CREATED
    )
