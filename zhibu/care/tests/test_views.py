"""Care pages: happy path, wrong role (403), another branch (404), bad input (the message beside
the field, nothing written). The permission matrix covers every URL's GET for every persona."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from zhibu.care.models import CareVisit, Donation, DonationDrive, RetireeCall
from zhibu.core.tests.factories import PersonFactory

from . import helpers

pytestmark = pytest.mark.django_db
SPAN = {"org": "yucai", "from": "2021-09-01", "to": "2023-07-31"}


def _visit_post(world, **kwargs) -> dict:
    return {
        "category": "hardship_staff",
        "visited_on": "2023-01-18",
        "person": world.people["member"].pk,
        "headcount": "1",
        "visitors": [world.people["secretary"].pk],
        "goods": "米、油",
        "money": "500",
        **kwargs,
    }


def test_visit_list_filters_by_text_and_person(world, login):
    helpers.visit(world.branch, date(2022, 1, 20), visited_name="社区困难户", category="community")
    helpers.visit(world.branch, date(2022, 3, 2), visitors=[world.people["committee"]])
    client = login(world.secretary)
    page = client.get(reverse("care:visits"), {**SPAN, "q": "社区"})
    assert [v.visited for v in page.context["page"].object_list] == ["社区困难户"]
    page = client.get(reverse("care:visits"), {**SPAN, "person": world.people["committee"].pk})
    assert [v.visited_on for v in page.context["page"].object_list] == [date(2022, 3, 2)]
    assert page.context["person_times"] == 2


def test_visit_create_and_edit(world, login):
    client = login(world.secretary)
    response = client.post(reverse("care:visit_create") + "?org=yucai", _visit_post(world))
    visit = CareVisit.objects.get()
    assert response.status_code == 302 and response.url == visit.get_absolute_url()
    assert client.get(response.url).status_code == 200
    data = _visit_post(world, money="520.5", version=visit.version)
    response = client.post(reverse("care:visit_edit", args=[visit.pk]), data)
    visit.refresh_from_db()
    assert response.status_code == 302 and visit.money == Decimal("520.50")


def test_visit_create_with_three_decimals_shows_the_field_and_writes_nothing(world, login):
    response = login(world.secretary).post(
        reverse("care:visit_create") + "?org=yucai", _visit_post(world, money="500.005")
    )
    assert response.status_code == 200
    assert "慰问金（元）最多保留两位小数" in str(response.context["form"].errors["money"])
    assert not CareVisit.objects.exists()


def test_student_family_edit_shows_only_the_pseudonym(world, login):
    visit = helpers.visit(world.branch, category="student_family", visited_name="学生家庭（乙）")
    response = login(world.secretary).get(reverse("care:visit_edit", args=[visit.pk]))
    assert response.context["form"].initial["pseudonym"] == "乙"
    assert response.context["form"].initial["visited_name"] == ""


def test_visit_post_wrong_role_and_other_branch(world, login):
    assert (
        login(world.member).post(reverse("care:visit_create") + "?org=yucai", _visit_post(world)).status_code
        == 403
    )
    visit = helpers.visit(world.branch)
    assert login(world.outsider).post(reverse("care:visit_edit", args=[visit.pk]), {}).status_code == 404
    assert CareVisit.objects.count() == 1


def test_visits_export_is_an_xlsx(world, login):
    helpers.visit(world.branch, date(2022, 5, 1), goods="=HYPERLINK(1)")
    response = login(world.secretary).get(reverse("care:visits_export"), SPAN)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


# -- calls -------------------------------------------------------------------------------------
@pytest.fixture
def retiree(world):
    return PersonFactory(
        organisation=world.branch, name="万福业", is_retired=True, birth_date=date(1948, 2, 14)
    )


def test_checklist_lists_retirees_and_saves_the_table(world, login, retiree):
    client = login(world.checker)
    url = reverse("care:calls") + "?org=yucai&month=2023-08"
    page = client.get(url)
    assert [p.name for p in page.context["form"].retirees] == ["万福业"]
    data = {f"called_on_{retiree.pk}": "2023-08-08", f"caller_{retiree.pk}": world.people["checker"].pk,
            f"raised_{retiree.pk}": "想参加重阳节活动"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    call = RetireeCall.objects.get()
    assert (call.month, call.caller, call.raised) == (
        date(2023, 8, 1),
        world.people["checker"],
        "想参加重阳节活动",
    )


def test_checklist_bad_date_is_shown_and_nothing_written(world, login, retiree):
    url = reverse("care:calls") + "?org=yucai&month=2023-08"
    response = login(world.secretary).post(url, {f"called_on_{retiree.pk}": "2023-09-02"})
    assert response.status_code == 200
    assert "万福业：致电日期（2023年9月2日）不在2023年8月内" in response.content.decode()
    assert not RetireeCall.objects.exists()


def test_checklist_wrong_role_and_other_branch(world, login, retiree):
    url = reverse("care:calls") + "?org=yucai&month=2023-08"
    data = {f"called_on_{retiree.pk}": "2023-08-08"}
    assert login(world.member).post(url, data).status_code == 403
    assert login(world.outsider).post(url, data).status_code == 404
    assert not RetireeCall.objects.exists()


# -- donations ---------------------------------------------------------------------------------
def test_drive_gift_pages_and_totals(world, login):
    client = login(world.secretary)
    response = client.post(
        reverse("care:drive_create") + "?org=yucai",
        {"purpose": "为万福业老师捐款", "beneficiary": "退休教师万福业", "started_on": "2022-11-14"},
    )
    drive = DonationDrive.objects.get()
    assert response.url == drive.get_absolute_url()
    url = reverse("care:gift_create", args=[drive.pk])
    client.post(url, {"donor": world.people["member"].pk, "given_on": "2022-11-15", "amount": "200"})
    client.post(url, {"donor_name": "社会爱心人士", "appeal_by": world.people["committee"].pk,
                      "given_on": "2022-11-20", "amount": "10000.5"})  # fmt: skip
    page = client.get(reverse("care:drives"), SPAN)
    row = page.context["page"].object_list[0]
    assert (row.own, row.outside) == (Decimal("200"), Decimal("10000.5"))
    assert page.context["total"] == Decimal("10200.50")
    member_view = login(world.member).get(drive.get_absolute_url())
    assert member_view.context["gifts"] is None  # totals, not who gave what
    assert "<th>捐款人</th>" not in member_view.content.decode()


def test_gift_bad_amount_shown_and_nothing_written(world, login):
    drive = helpers.drive(world.branch)
    response = login(world.committee).post(
        reverse("care:gift_create", args=[drive.pk]),
        {"donor": world.people["member"].pk, "given_on": "2022-11-20", "amount": "-3"},
    )
    assert "金额（元）不能为负数" in str(response.context["form"].errors["amount"])
    assert not Donation.objects.exists()


def test_gift_post_wrong_role_and_other_branch(world, login):
    drive = helpers.drive(world.branch)
    data = {"donor": world.people["member"].pk, "given_on": "2022-11-20", "amount": "3"}
    assert login(world.member).post(reverse("care:gift_create", args=[drive.pk]), data).status_code == 403
    assert login(world.outsider).post(reverse("care:gift_create", args=[drive.pk]), data).status_code == 404
    assert not Donation.objects.exists()


def test_visit_goes_to_the_recycle_bin(world, login):
    visit = helpers.visit(world.branch, visitors=[world.people["secretary"]])
    client = login(world.secretary)
    response = client.post(reverse("core:remove", args=["care.visit", visit.pk]), {"reason": "重复登记"})
    assert response.status_code == 302
    assert not CareVisit.objects.exists()


def test_search_finds_drives_for_members_and_visits_only_for_officers(world, login):
    from zhibu.care.tests.factories import CareVisitFactory, DonationDriveFactory
    from zhibu.core import search_index

    CareVisitFactory(organisation=world.branch, goods="米面油和苹果")
    DonationDriveFactory(organisation=world.branch, purpose="为患病教师献爱心捐款")
    search_index.reindex(["care.visits", "care.drives"])  # factories bypass the audited writes
    url = reverse("core:search")
    officer = login(world.secretary).get(url, {"q": "米面油"}).content.decode()
    assert "苹果" in officer  # the snippet around the query
    member = login(world.member)
    assert "苹果" not in member.get(url, {"q": "米面油"}).content.decode()
    assert "为患病教师" in member.get(url, {"q": "献爱心"}).content.decode()
    outsider = login(world.outsider).get(url, {"q": "献爱心"}).content.decode()
    assert "为患病教师" not in outsider
