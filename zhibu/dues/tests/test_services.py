"""Dues services: bases, payments, a month's collection, bands — the happy paths, the in-charge
rule, and bad input (a Chinese message naming the field or row, nothing written). Runs on SQLite
and on PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory
from zhibu.dues.models import DuesBand, DuesBase, DuesPayment, DuesPaymentMonth
from zhibu.dues.services import bands, bases, payments

from . import helpers

pytestmark = pytest.mark.django_db


def _base(world, actor=None, **kwargs):
    values = {"person": world.people["member"], "effective_from": date(2023, 1, 1), "amount": "4000.00"}
    return bases.base_create(
        actor=actor or world.secretary, organisation=world.branch, **{**values, **kwargs}
    )


def _pay(world, actor=None, **kwargs):
    values = {"person": world.people["member"], "paid_on": date(2023, 3, 10), "first_month": date(2023, 3, 1)}
    return payments.payment_create(
        actor=actor or world.secretary, organisation=world.branch, **{**values, **kwargs}
    )


def _nothing_written(before_payments=0, before_bases=None):
    assert DuesPayment.objects.count() == before_payments
    if before_bases is not None:
        assert DuesBase.objects.count() == before_bases


def _message(exc) -> str:
    return " ".join(exc.value.messages)


# -- bases ---------------------------------------------------------------------------------------
def test_a_base_is_recorded_from_the_first_of_its_month(world):
    made = _base(world, effective_from=date(2023, 1, 17))
    assert made.effective_from == date(2023, 1, 1) and made.amount == Decimal("4000.00")
    assert AuditEntry.objects.filter(action="dues.base.created", object_id=str(made.pk)).exists()


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("-1.00", "不能为负数"),
        ("3000.005", "最多保留两位小数"),
        ("abc", "不是金额"),
        ("", "请填写月交纳基数"),
    ],
)
def test_a_bad_base_is_refused_naming_the_field(world, amount, words):
    with pytest.raises(ValidationError) as exc:
        _base(world, amount=amount)
    assert "amount" in exc.value.error_dict and words in _message(exc)
    _nothing_written(before_bases=0)


def test_a_base_for_someone_not_a_member_is_refused(world):
    with pytest.raises(ValidationError, match="不是本支部党员"):
        _base(world, person=world.people["checker"])  # an activist
    with pytest.raises(ValidationError, match="不是本支部党员"):
        _base(world, person=world.people["other_member"])  # another branch
    _nothing_written(before_bases=0)


def test_the_same_month_twice_is_refused(world):
    _base(world)
    with pytest.raises(ValidationError, match="2023年1月起的基数已经登记"):
        _base(world, amount="5000.00")
    assert DuesBase.objects.count() == 1


def test_no_income_takes_no_amount(world):
    assert _base(world, amount="", no_income=True).no_income
    with pytest.raises(ValidationError, match="0.20"):
        _base(world, effective_from=date(2023, 2, 1), amount="100.00", no_income=True)


# -- who may -------------------------------------------------------------------------------------
def test_a_committee_member_not_in_charge_is_refused(world):
    with pytest.raises(PermissionDenied):
        _base(world, actor=world.committee)
    helpers.in_charge(world)  # now the 组织委员
    assert _base(world, actor=world.committee).pk


@pytest.mark.parametrize("persona", ["member", "checker", "bureau"])
def test_no_one_else_writes(world, persona):
    with pytest.raises(PermissionDenied):
        _base(world, actor=world.users[persona])


def test_another_branch_is_a_404(world):
    from django.http import Http404

    with pytest.raises(Http404):
        _base(world, actor=world.outsider)


# -- payments ------------------------------------------------------------------------------------
def test_a_payment_covers_its_months_at_their_dues(world):
    _base(world)  # 4000.00: 1 % = 40.00 a month
    made = _pay(world, first_month=date(2023, 1, 1), last_month=date(2023, 3, 1))
    assert made.amount == Decimal("120.00") and made.back_months == 2 and not made.long_back
    assert sorted(made.months.values_list("month", "due")) == [
        (date(2023, m, 1), Decimal("40.00")) for m in (1, 2, 3)
    ]


def test_a_month_already_paid_is_refused_naming_it(world):
    _base(world)
    _pay(world)
    with pytest.raises(ValidationError) as exc:
        _pay(world, first_month=date(2023, 2, 1), last_month=date(2023, 4, 1), paid_on=date(2023, 4, 5))
    assert "2023年3月的党费已经交过" in _message(exc)
    _nothing_written(before_payments=1)
    assert DuesPaymentMonth.objects.count() == 1


def test_a_wrong_amount_is_refused_with_the_due(world):
    _base(world)
    with pytest.raises(ValidationError) as exc:
        _pay(world, amount="50.00")
    assert "应交党费40.00元" in _message(exc) and "自愿多交" in _message(exc)
    _nothing_written()


def test_months_without_a_base_or_before_membership_are_refused(world):
    _base(world, effective_from=date(2023, 3, 1))
    with pytest.raises(ValidationError, match="2023年2月还没有党费基数"):
        _pay(world, first_month=date(2023, 2, 1))
    newcomer = PersonFactory(
        organisation=world.branch, party_status="probationary", history=date(2023, 5, 20)
    )
    with pytest.raises(ValidationError, match="不是党员"):
        _pay(world, person=newcomer, first_month=date(2023, 4, 1))
    _nothing_written()


def test_more_than_six_months_back_is_flagged(world):
    _base(world)
    six = _pay(world, first_month=date(2023, 1, 1), last_month=date(2023, 6, 1), paid_on=date(2023, 7, 3))
    seven = _pay(world, first_month=date(2023, 7, 1), last_month=date(2024, 1, 1), paid_on=date(2024, 2, 1))
    assert (six.back_months, six.long_back) == (6, False)
    assert (seven.back_months, seven.long_back) == (7, True)


def test_voluntary_payments_are_kept_apart(world):
    made = _pay(world, kind="voluntary", first_month=None, amount="500.00")
    assert made.kind == "voluntary" and not made.months.exists()
    with pytest.raises(ValidationError, match="不属于某个月份"):
        _pay(world, kind="voluntary", amount="100.00")
    with pytest.raises(ValidationError, match="请填写自愿多交党费的金额"):
        _pay(world, kind="voluntary", first_month=None, amount="")
    with pytest.raises(ValidationError, match="不是党员"):
        _pay(world, kind="voluntary", first_month=None, amount="100.00", person=world.people["checker"])
    assert DuesPayment.objects.count() == 1


def test_a_future_payment_day_is_refused(world):
    _base(world)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        _pay(world, paid_on=date(2099, 1, 1))


# -- a month's collection ------------------------------------------------------------------------
def _collect(world, rows, month=date(2023, 3, 1)):
    return payments.collection_save(
        actor=world.secretary, organisation=world.branch, month=month, paid_on=date(2023, 3, 20), rows=rows
    )


def test_the_collection_saves_every_ticked_row(world):
    member, secretary = world.people["member"], world.people["secretary"]
    helpers.base(member, "3000.00")
    helpers.base(secretary, "3000.01")
    made = _collect(
        world,
        [
            {"person": member, "paid": True, "amount": "15.00"},
            {"person": secretary, "paid": True, "amount": ""},
        ],
    )
    assert sorted(p.amount for p in made) == [Decimal("15.00"), Decimal("30.00")]


def test_the_collection_writes_nothing_when_a_row_is_wrong(world):
    member, secretary, committee = (world.people[p] for p in ("member", "secretary", "committee"))
    helpers.base(member)
    helpers.base(secretary)
    helpers.paid(committee, [date(2023, 3, 1)])  # paid before: its month is refused by name
    helpers.base(committee)
    rows = [
        {"person": secretary, "paid": True, "amount": "40.00"},
        {"person": member, "paid": True, "amount": "40.001"},
        {"person": committee, "paid": True, "amount": "40.00"},
    ]
    with pytest.raises(ValidationError) as exc:
        _collect(world, rows)
    messages = exc.value.messages
    assert any(m.startswith("第2行（刘丹）") and "两位小数" in m for m in messages)
    assert any(m.startswith("第3行（于雪华）") and "2023年3月的党费已经交过" in m for m in messages)
    assert DuesPayment.objects.count() == 1  # only the one made before


def test_the_collection_needs_a_tick(world):
    with pytest.raises(ValidationError, match="请至少勾选"):
        _collect(world, [{"person": world.people["member"], "paid": False, "amount": ""}])


# -- bands ---------------------------------------------------------------------------------------
LINES = "在职党员,3000,0.5,\nserving,,1,\n离退休党员,,0.5,\n学生和无收入党员,,,0.20"


def test_the_bureau_enters_a_new_set(world):
    made = bands.band_set_create(
        actor=world.bureau, organisation=world.bureau_org, effective_from=date(2027, 1, 1), lines=LINES
    )
    assert len(made) == 4 and {b.effective_from for b in made} == {date(2027, 1, 1)}


@pytest.mark.parametrize(
    ("day", "lines", "words"),
    [
        (date(2008, 2, 1), LINES, "须晚于现行标准"),
        (date(2027, 1, 1), "serving,,1,\nretired,,1,", "缺少"),
        (date(2027, 1, 1), LINES.replace("0.5,", "0.5,0.2"), "只填一项"),
        (date(2027, 1, 1), LINES.replace("serving,,1,", "serving,,101,"), "不超过100"),
    ],
)
def test_a_bad_set_is_refused(world, day, lines, words):
    before = DuesBand.objects.count()
    with pytest.raises(ValidationError, match=words):
        bands.band_set_create(
            actor=world.bureau, organisation=world.bureau_org, effective_from=day, lines=lines
        )
    assert DuesBand.objects.count() == before


def test_a_branch_does_not_set_bands(world):
    with pytest.raises(PermissionDenied):
        bands.band_set_create(
            actor=world.secretary, organisation=world.branch, effective_from=date(2027, 1, 1), lines=LINES
        )
