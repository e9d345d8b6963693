"""Demo dues for the seed's school (育才学校): a base for each of its members from twelve months ago
(serving teachers 4200–10000.01 元, the retirees around the 5000 元 line, one exactly at it), the
branch's monthly collection on the 10th of each month since, a voluntary 500 元 on 七一, one member
who paid two months late (补交) — and 马丽, who has not paid for the last three months: the one
member in arrears."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from . import book, calc
from .models import DuesBase, DuesPayment, DuesPaymentMonth, PaymentKind

SCHOOL = "yucai"
BASES = {
    "张文华": "7860.00",
    "刘丹": "6350.00",
    "苑蓉晖": "6120.00",
    "于雪华": "7480.00",
    "王春华": "6900.00",
    "刘晓筱": "5200.00",
    "孙宁": "5980.00",
    "李建国": "10000.01",
    "赵丽娟": "5000.00",
    "陈晓明": "6640.00",
    "周敏": "4860.00",
    "高峰": "7020.00",
    "吴静": "4200.00",
    "马丽": "5520.00",
    "万福业": "5000.00",
    "卢振东": "5320.00",
    "孟淑琴": "4380.00",
}
IN_ARREARS, UNPAID_MONTHS = "马丽", 3
LATE, LATE_MONTHS = "孙宁", 2
VOLUNTARY = ("张文华", "500.00")


def _pay(org, person, months, paid_on, dues) -> None:
    payment = DuesPayment.objects.create(
        organisation=org,
        person=person,
        kind=PaymentKind.REGULAR,
        paid_on=paid_on,
        amount=sum((dues[m] for m in months), Decimal("0.00")),
        back_months=sum(1 for m in months if m < calc.month_start(paid_on)),
        note="支部集中收缴",
    )
    DuesPaymentMonth.objects.bulk_create(
        DuesPaymentMonth(organisation=org, payment=payment, person=person, month=m, due=dues[m])
        for m in months
    )


@demo.register("dues", order=40)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    today = timezone.localdate()
    last = book.last_ended(today)
    first = calc.add_months(last, -11)
    months = calc.months_between(first, last)
    people = {p.name: p for p in people_selectors.members_on(org, book.month_end(first))}
    bands = book.band_book()
    made = 0
    for name, amount in BASES.items():
        person = people.get(name)
        if person is None:
            continue
        DuesBase.objects.create(
            organisation=org,
            person=person,
            effective_from=first,
            amount=Decimal(amount),
            note="税后工资固定部分",
        )
        dues = {
            m: calc.due(bands, m, base=Decimal(amount), retired=person.is_retired, no_income=False)
            for m in months
        }
        paying = months[:-UNPAID_MONTHS] if name == IN_ARREARS else months
        late = set(paying[-LATE_MONTHS - 1 : -1]) if name == LATE else set()
        for m in paying:
            if m in late:
                continue
            covered = sorted(late | {m}) if late and m == paying[-1] else [m]
            _pay(org, person, covered, m.replace(day=10), dues)
            made += 1
    name, amount = VOLUNTARY
    july = date(first.year if first.month <= 7 else first.year + 1, 7, 1)
    if name in people and july <= today:
        DuesPayment.objects.create(
            organisation=org,
            person=people[name],
            kind=PaymentKind.VOLUNTARY,
            paid_on=july,
            amount=Decimal(amount),
            note="七一自愿多交党费",
        )
    return f"{org.name}：{len(months)}个月党费，交纳记录{made}笔，{IN_ARREARS}欠交{UNPAID_MONTHS}个月"
