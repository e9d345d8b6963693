"""党费 payments: one at a time, or a month's collection for the whole branch in one call."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from zhibu.core import writes
from zhibu.core.fields import clean_money, not_future, optional_text
from zhibu.core.models import Organisation, Person

from .. import access, calc, selectors
from ..audit_actions import DuesAction
from ..models import DuesPayment, DuesPaymentMonth, PaymentKind
from . import checks


def _save(actor, org: Organisation, person: Person, *, kind, paid_on, amount, months, note) -> DuesPayment:
    """Write one payment and its months (internal: the callers have checked everything). The
    unique (person, month) refuses a month another save recorded a moment ago."""
    back = checks.back_months([m.month for m in months], paid_on)
    payment = DuesPayment(
        organisation=org,
        person=person,
        kind=kind,
        paid_on=paid_on,
        amount=amount,
        back_months=back,
        long_back=back > checks.LONG_BACK,
        note=note,
    )
    extra = {"months": [m.month.isoformat() for m in months]}
    writes.model_create(payment, actor=actor, action=DuesAction.PAYMENT_CREATED, extra=extra)
    try:
        with transaction.atomic():
            DuesPaymentMonth.objects.bulk_create(
                DuesPaymentMonth(organisation=org, payment=payment, person=person, month=m.month, due=m.due)
                for m in months
            )
    except IntegrityError:
        labels = "、".join(m.label for m in months)
        raise ValidationError(
            {
                "first_month": _("%(name)s%(m)s的党费刚刚已由他人登记，请刷新后查看")
                % {"name": person.name, "m": labels}
            }
        ) from None
    return payment


def _person_of_branch(org: Organisation, person: Person | None) -> Person:
    if person is None:
        raise ValidationError({"person": _("请选择党员")})
    if not selectors.of_branch(org, person):
        raise ValidationError({"person": _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


@writes.service
def payment_create(
    *,
    actor,
    organisation: Organisation,
    person: Person | None,
    paid_on: date | None,
    kind: str = PaymentKind.REGULAR,
    first_month: date | None = None,
    last_month: date | None = None,
    amount: Decimal | str | None = None,
    note: str = "",
) -> DuesPayment:
    """A regular payment covers first_month..last_month and its amount is their dues (an amount
    typed in must equal them); a voluntary one (自愿多交) covers no month."""
    access.require(actor, "dues.edit", organisation)
    person = _person_of_branch(organisation, person)
    day = not_future(paid_on, "paid_on", _("交纳日期"))
    note = optional_text(note, "note", _("备注"), 200)
    if kind == PaymentKind.VOLUNTARY:
        if first_month or last_month:
            raise ValidationError({"first_month": _("自愿多交党费不属于某个月份，请不要填写月份")})
        money = clean_money(amount, "amount", _("金额（元）"))
        if not money:
            raise ValidationError({"amount": _("请填写自愿多交党费的金额")})
        if not selectors.member_choices(organisation, day).filter(pk=person.pk).exists():
            raise ValidationError(
                {"person": _("%(name)s在交纳日期不是党员，不能登记党费") % {"name": person.name}}
            )
        return _save(actor, organisation, person, kind=kind, paid_on=day, amount=money, months=[], note=note)
    if kind != PaymentKind.REGULAR:
        raise ValidationError({"kind": _("请选择交纳类别")})
    wanted = checks.month_range(first_month, last_month, day)
    dues = checks.months_book(organisation, wanted[-1], [person.pk]).get(person.pk)
    months = checks.dues_of_months(person, dues, wanted, "first_month")
    money = checks.expected_amount(months, amount, clean_money)
    return _save(actor, organisation, person, kind=kind, paid_on=day, amount=money, months=months, note=note)


@writes.service
def collection_save(
    *,
    actor,
    organisation: Organisation,
    month: date | None,
    paid_on: date | None,
    rows: Iterable[dict],
) -> list[DuesPayment]:
    """A month's collection for the whole branch, as the bulk page sends it: `rows` in the page's
    order, each {"person": Person, "paid": bool, "amount": text}. Every ticked row is checked first;
    any problem is reported for every row it concerns ("第3行（刘丹）：……") and nothing is written."""
    access.require(actor, "dues.edit", organisation)
    if month is None:
        raise ValidationError({"month": _("请选择月份")})
    month = calc.month_start(month)
    day = not_future(paid_on, "paid_on", _("交纳日期"))
    rows = list(rows)
    ticked = [(n, row) for n, row in enumerate(rows, start=1) if row.get("paid")]
    if not ticked:
        raise ValidationError(_("请至少勾选一名已交党费的党员"))
    book = checks.months_book(organisation, month, [row["person"].pk for _n, row in ticked])
    errors, ready = [], []
    for n, row in ticked:
        person = row["person"]
        try:
            wanted = checks.month_range(month, month, day)
            months = checks.dues_of_months(person, book.get(person.pk), wanted, "rows")
            money = checks.expected_amount(months, row.get("amount"), clean_money)
        except ValidationError as exc:
            for message in exc.messages:
                errors.append(
                    _("第%(n)d行（%(name)s）：%(msg)s") % {"n": n, "name": person.name, "msg": message}
                )
            continue
        ready.append((person, months, money))
    if errors:
        raise ValidationError(errors)
    return [
        _save(
            actor,
            organisation,
            person,
            kind=PaymentKind.REGULAR,
            paid_on=day,
            amount=money,
            months=months,
            note="",
        )
        for person, months, money in ready
    ]
