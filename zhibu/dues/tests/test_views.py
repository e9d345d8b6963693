"""Dues pages: happy paths, the wrong role (403, a 支委 not in charge too), another branch (404), bad
input (a Chinese message, nothing written), 我的党费 showing only her own, and the ledger export
read back with openpyxl."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from zhibu.dues.models import DuesBase, DuesPayment

from . import helpers

pytestmark = pytest.mark.django_db
ORG = "?org=yucai"


def test_the_branch_page_lists_bases_dues_and_arrears(world, login):
    helpers.base(world.people["member"], "3000.01")
    response = login(world.secretary).get(reverse("dues:index") + ORG)
    assert response.status_code == 200
    page = response.content.decode()
    assert "刘丹" in page and "3000.01" in page and "30.00" in page


def test_a_committee_member_sees_dues_only_when_in_charge(world, login):
    helpers.base(world.people["member"], "3000.01")
    client = login(world.committee)
    totals = client.get(reverse("dues:index") + ORG)
    assert totals.status_code == 200 and "只显示合计" in totals.content.decode()
    assert "3000.01" not in totals.content.decode()
    assert client.get(reverse("dues:person", args=[world.people["member"].pk])).status_code == 403
    assert client.get(reverse("dues:collection") + ORG).status_code == 403
    helpers.in_charge(world)
    assert "3000.01" in client.get(reverse("dues:index") + ORG).content.decode()


def test_my_dues_show_my_own_amounts_only(world, login):
    helpers.base(world.people["member"], "4000.00")
    helpers.base(world.people["secretary"], "9876.54")
    helpers.paid(world.people["member"], [date(2023, 1, 1)])
    page = login(world.member).get(reverse("dues:mine")).content.decode()
    assert "我的党费" in page and "4000.00" in page and "40.00" in page
    assert "9876.54" not in page and "张文华" not in page
    assert login(world.member).get(reverse("dues:index") + ORG).status_code == 403


def test_another_branchs_payment_is_a_404(world, login):
    member = world.people["other_member"]
    payment = helpers.paid(member, [date(2023, 1, 1)])
    assert login(world.secretary).get(reverse("dues:payment", args=[payment.pk])).status_code == 404
    assert login(world.secretary).get(reverse("dues:person", args=[member.pk])).status_code == 404


def test_a_base_form_refuses_three_decimals_and_writes_nothing(world, login):
    data = {"person": world.people["member"].pk, "effective_from": "2023-01", "amount": "3000.005"}
    response = login(world.secretary).post(reverse("dues:base_create") + ORG, data)
    assert response.status_code == 200
    assert "最多保留两位小数" in response.content.decode()
    assert DuesBase.objects.count() == 0
    data["amount"] = "3000.00"
    assert login(world.secretary).post(reverse("dues:base_create") + ORG, data).status_code == 302
    assert DuesBase.objects.get().amount == Decimal("3000.00")


def test_a_payment_form_refuses_a_month_already_paid(world, login):
    member = world.people["member"]
    helpers.base(member)
    helpers.paid(member, [date(2023, 3, 1)])
    data = {"person": member.pk, "kind": "regular", "paid_on": "2023-04-02", "first_month": "2023-03"}
    response = login(world.secretary).post(reverse("dues:payment_create") + ORG, data)
    assert response.status_code == 200 and "2023年3月的党费已经交过" in response.content.decode()
    assert DuesPayment.objects.count() == 1
    data["first_month"] = "2023-04"
    assert login(world.secretary).post(reverse("dues:payment_create") + ORG, data).status_code == 302
    assert DuesPayment.objects.count() == 2


def _collection_url(month="2023-03"):
    return reverse("dues:collection") + ORG + f"&month={month}"


def test_the_collection_page_prefills_every_member_and_saves_once(world, login):
    member, secretary = world.people["member"], world.people["secretary"]
    helpers.base(member, "3000.00")
    helpers.base(secretary, "10000.01")
    client = login(world.secretary)
    page = client.get(_collection_url()).content.decode()
    assert "15.00" in page and "200.00" in page and "于雪华" in page  # 于雪华: no base yet
    data = {
        "paid_on": "2023-03-20",
        f"paid_{member.pk}": "on",
        f"amount_{member.pk}": "15.00",
        f"paid_{secretary.pk}": "on",
        f"amount_{secretary.pk}": "200.00",
    }
    assert client.post(_collection_url(), data).status_code == 302
    assert sorted(DuesPayment.objects.values_list("amount", flat=True)) == [
        Decimal("15.00"),
        Decimal("200.00"),
    ]
    assert "已交" in client.get(_collection_url()).content.decode()


def test_a_wrong_row_in_the_collection_writes_nothing(world, login):
    member, secretary = world.people["member"], world.people["secretary"]
    helpers.base(member, "3000.00")
    helpers.base(secretary, "3000.00")
    data = {
        "paid_on": "2023-03-20",
        f"paid_{member.pk}": "on",
        f"amount_{member.pk}": "-15.00",
        f"paid_{secretary.pk}": "on",
        f"amount_{secretary.pk}": "15.00",
    }
    response = login(world.secretary).post(_collection_url(), data)
    assert response.status_code == 200
    assert "刘丹" in response.content.decode() and "不能为负数" in response.content.decode()
    assert DuesPayment.objects.count() == 0


def test_the_ledger_export_reads_back(world, login):
    member = world.people["member"]
    helpers.base(member, "4000.00")
    helpers.paid(member, helpers.months(2023, 1, 2))
    url = reverse("dues:ledger_export") + ORG + "&from=2023-01-01&to=2023-12-31&format=xlsx"
    response = login(world.secretary).get(url)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    ).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "姓名")
    line = next(r for r in rows if r and r[0] == "刘丹")
    record = dict(zip(header, line, strict=True))
    assert record["2023年1月"] in (40, Decimal("40.00"), "40.00")
    assert record["2023年3月"] == "欠交40.00"
    assert float(record["应交合计（元）"]) == 480.0
    assert float(record["实交合计（元）"]) == 80.0
    assert record["欠交月数"] >= 10


def test_bands_page_and_a_new_set_by_the_bureau(world, login):
    assert "0.50%" in login(world.member).get(reverse("dues:bands")).content.decode()
    data = {"effective_from": "2027-01", "lines": "serving,,1,\nretired,,1,\n", "source": ""}
    response = login(world.bureau).post(reverse("dues:band_create"), data)
    assert response.status_code == 200 and "缺少" in response.content.decode()
