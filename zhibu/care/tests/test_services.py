"""Care services: what they write and audit, and what they refuse (a Chinese message naming the
field, nothing written)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from zhibu.care.models import CareVisit, Donation, RetireeCall
from zhibu.care.services import calls, donations, visits
from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory

from . import helpers

pytestmark = pytest.mark.django_db


def _refused(field: str, words: str, func, **kwargs) -> None:
    with pytest.raises(ValidationError) as exc:
        func(**kwargs)
    messages = exc.value.message_dict[field]
    assert any(words in m for m in messages), messages


def _visit(world, **kwargs):
    data = {
        "actor": world.secretary,
        "organisation": world.branch,
        "category": "sick_staff",
        "visited_on": date(2023, 3, 10),
        "person": world.people["member"],
        "visitors": [world.people["secretary"], world.people["committee"]],
        "goods": "水果",
        "money": "300.00",
        **kwargs,
    }
    return data


def test_visit_create_writes_visitors_money_and_audit(world):
    visit = visits.visit_create(**_visit(world))
    assert visit.money == Decimal("300.00")
    assert {p.name for p in visit.visitors.all()} == {"张文华", "于雪华"}
    entry = AuditEntry.objects.get(action="care.visit.created")
    assert entry.after["visitors"] == ["张文华", "于雪华"]


def test_student_family_is_named_only_by_pseudonym(world):
    visit = visits.visit_create(**_visit(world, category="student_family", person=None, pseudonym="甲"))
    assert visit.visited == "学生家庭（甲）"
    assert visit.person is None


def test_student_family_with_a_name_is_refused(world):
    data = _visit(world, category="student_family", person=None, visited_name="王小明")
    _refused("visited_name", "不登记学生或家长姓名", visits.visit_create, **data)
    assert not CareVisit.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("money", "1.005", "最多保留两位小数"),
        ("money", "-5", "不能为负数"),
        ("money", "五百", "不是金额"),
        ("money", 0.1, "不接受浮点数"),
        ("visited_on", timezone.localdate() + timedelta(days=1), "不能晚于今天"),
        ("visited_on", None, "请填写走访日期"),
        ("category", "party", "请选择慰问对象类别"),
    ],
)
def test_visit_bad_input_is_refused_naming_the_field(world, field, value, words):
    _refused(field, words, visits.visit_create, **_visit(world, **{field: value}))
    assert not CareVisit.objects.exists()


def test_visit_before_the_persons_birth_is_refused(world):
    baby = PersonFactory(organisation=world.branch, name="新同事", birth_date=date(2023, 5, 1))
    _refused("visited_on", "早于新同事的出生日期", visits.visit_create, **_visit(world, person=baby))


def test_visit_of_another_branchs_people_is_refused(world):
    other = world.people["outsider"]
    _refused("person", "不是本支部人员", visits.visit_create, **_visit(world, person=other))
    _refused("visitors", "林志强不是本支部人员", visits.visit_create, **_visit(world, visitors=[other]))


def test_member_may_not_write_visits(world):
    with pytest.raises(PermissionDenied):
        visits.visit_create(**_visit(world, actor=world.member))


def test_visit_update_keeps_version_and_audits(world):
    visit = visits.visit_create(**_visit(world))
    data = _visit(world, money="350.50")
    data.pop("actor"), data.pop("organisation")
    visits.visit_update(actor=world.committee, visit=visit, version=visit.version, **data)
    visit.refresh_from_db()
    assert visit.money == Decimal("350.50") and visit.version == 2
    assert AuditEntry.objects.filter(action="care.visit.updated").count() == 1


# -- calls -------------------------------------------------------------------------------------
@pytest.fixture
def retirees(world):
    return [
        PersonFactory(organisation=world.branch, name=n, is_retired=True, birth_date=date(1950, 1, 1))
        for n in ("万福业", "卢振东")
    ]


def test_checklist_saves_called_rows_and_skips_the_rest(world, retirees):
    wan, lu = retirees
    rows = [calls.CallRow(wan, date(2023, 8, 7), world.people["checker"], "腿疼"), calls.CallRow(lu)]
    saved = calls.calls_record(
        actor=world.checker, organisation=world.branch, month=date(2023, 8, 1), rows=rows
    )
    assert (saved.created, saved.updated) == (1, 0)
    call = RetireeCall.objects.get()
    assert (call.retiree, call.month, call.raised) == (wan, date(2023, 8, 1), "腿疼")
    rows[0] = calls.CallRow(wan, date(2023, 8, 9), world.people["checker"], "腿疼好转")
    saved = calls.calls_record(
        actor=world.checker, organisation=world.branch, month=date(2023, 8, 1), rows=rows
    )
    assert (saved.created, saved.updated) == (0, 1)


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (lambda p: calls.CallRow(p, date(2023, 9, 1)), "不在2023年8月内"),
        (lambda p: calls.CallRow(p, date(2023, 8, 2), raised="很" * 201), "不能超过200个字"),
    ],
)
def test_checklist_bad_row_refused_naming_the_retiree(world, retirees, row, words):
    with pytest.raises(ValidationError) as exc:
        calls.calls_record(
            actor=world.checker, organisation=world.branch, month=date(2023, 8, 1), rows=[row(retirees[0])]
        )
    assert "万福业" in str(exc.value) and words in str(exc.value)
    assert not RetireeCall.objects.exists()


def test_checklist_refuses_a_serving_teacher_and_the_future(world, retirees):
    with pytest.raises(ValidationError, match="不是退休教职工"):
        calls.calls_record(
            actor=world.secretary,
            organisation=world.branch,
            month=date(2023, 8, 1),
            rows=[calls.CallRow(world.people["member"], date(2023, 8, 2))],
        )
    future = timezone.localdate() + timedelta(days=40)
    with pytest.raises(ValidationError, match="尚未到来"):
        calls.calls_record(actor=world.secretary, organisation=world.branch, month=future, rows=[])


def test_member_may_not_record_calls(world, retirees):
    with pytest.raises(PermissionDenied):
        calls.calls_record(actor=world.member, organisation=world.branch, month=date(2023, 8, 1), rows=[])


# -- donations ---------------------------------------------------------------------------------
def test_drive_and_gifts_keep_own_and_outside_apart(world):
    drive = donations.drive_create(
        actor=world.secretary,
        organisation=world.branch,
        purpose="为卢老师孙子植皮手术捐款",
        beneficiary="退休教师卢振东",
        started_on=date(2022, 12, 1),
    )
    donations.donation_create(
        actor=world.secretary,
        drive=drive,
        given_on=date(2022, 12, 2),
        donor=world.people["member"],
        amount="200.10",
    )
    donations.donation_create(
        actor=world.secretary,
        drive=drive,
        given_on=date(2022, 12, 5),
        donor_name="丹东日报读者",
        appeal_by=world.people["committee"],
        amount="10000.20",
    )
    donations.donation_create(
        actor=world.secretary,
        drive=drive,
        given_on=date(2022, 12, 5),
        donor_name="爱心人士",
        in_kind="轮椅一台",
    )
    from zhibu.care import selectors

    totals = selectors.with_totals(type(drive).objects.filter(pk=drive.pk)).get()
    assert (totals.own, totals.outside, totals.total) == (
        Decimal("200.10"),
        Decimal("10000.20"),
        Decimal("10200.30"),
    )
    assert AuditEntry.objects.filter(action="care.donation.created").count() == 3


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"amount": "12.345"}, "amount", "金额（元）最多保留两位小数"),
        ({"amount": "-1"}, "amount", "金额（元）不能为负数"),
        ({"amount": "0"}, "amount", "请填写捐款金额或捐赠物品"),
        ({"donor": None}, "donor", "请选择本单位捐款人"),
        ({"donor_name": "外人"}, "donor_name", "本单位人员捐款不填写校外捐款人"),
        ({"given_on": date(2022, 1, 1)}, "given_on", "早于捐款活动开始日期"),
    ],
)
def test_gift_bad_input_refused(world, kwargs, field, words):
    drive = helpers.drive(world.branch, started_on=date(2022, 11, 1))
    data = {"actor": world.secretary, "drive": drive, "given_on": date(2022, 11, 2), "amount": "100"}
    data["donor"] = world.people["member"]
    _refused(field, words, donations.donation_create, **{**data, **kwargs})
    assert not Donation.objects.exists()


def test_gift_from_another_branch_is_refused(world):
    drive = helpers.drive(world.branch)
    _refused(
        "donor",
        "不是本支部人员",
        donations.donation_create,
        actor=world.secretary,
        drive=drive,
        given_on=date(2022, 11, 20),
        donor=world.people["outsider"],
        amount="50",
    )


def test_drive_end_before_start_refused(world):
    _refused(
        "ended_on",
        "不能早于开始日期",
        donations.drive_create,
        actor=world.secretary,
        organisation=world.branch,
        purpose="捐款",
        beneficiary="某老师",
        started_on=date(2022, 11, 1),
        ended_on=date(2022, 10, 1),
    )
