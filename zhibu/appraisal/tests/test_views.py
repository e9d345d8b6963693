"""Appraisal pages: happy path, wrong role, another branch, bad input (the message beside the
field, nothing written), and the two exports read back. The matrix covers every GET."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from zhibu.appraisal.models import Appraisal, PeerRating, PointAdjustment, PointRule
from zhibu.core.tests.factories import PersonFactory

from . import fixed_data
from .factories import AppraisalFactory, PeerRatingFactory

pytestmark = pytest.mark.django_db
SPAN = {"org": "yucai", "from": "2023-03-01", "to": "2023-04-30"}


@pytest.fixture
def ledger(world):
    return fixed_data.ledgers(world)


def test_ranking_lists_members_with_shared_ranks(world, login, ledger):
    page = login(world.committee).get(reverse("appraisal:ranking"), SPAN)
    assert [(r.rank, r.person.name) for r in page.context["ranking"]] == fixed_data.RANKS
    assert "12.50" in page.content.decode()


def test_a_member_sees_her_own_points_and_rank_only(world, login, ledger):
    page = login(world.member).get(reverse("appraisal:points_mine"), SPAN)
    text = page.content.decode()
    assert "共得12.50分，在本支部4名党员中排第1名" in text
    assert "张文华" not in text and "王强" not in text
    assert page.context["explanation"].total == Decimal("12.50")


def test_an_officer_reads_a_members_lines_with_links(world, login, ledger):
    page = login(world.secretary).get(reverse("appraisal:points_person", args=[ledger["member"].pk]), SPAN)
    text = page.content.decode()
    assert 'href="/meetings/' in text and "已达上限" in text and "迟到" in text


def test_another_branchs_member_is_404(world, login, ledger):
    url = reverse("appraisal:points_person", args=[ledger["member"].pk])
    assert login(world.outsider).get(url).status_code == 404


def test_rule_with_a_negative_cap_is_refused_on_the_page(world, login):
    data = {"source": "meetings.attended", "points": "1", "cap": "-3", "cap_period": "month",
            "effective_from": "2023-01-01"}  # fmt: skip
    response = login(world.secretary).post(reverse("appraisal:rule_create") + "?org=yucai", data)
    assert response.status_code == 200
    assert "积分上限不能为负数" in response.content.decode()
    assert not PointRule.objects.exists()
    data["cap"] = "3"
    response = login(world.secretary).post(reverse("appraisal:rule_create") + "?org=yucai", data)
    assert response.status_code == 302 and PointRule.objects.get().cap == Decimal("3.00")


def test_adjustment_page_writes_and_refuses(world, login):
    client = login(world.secretary)
    url = reverse("appraisal:adjustment_create") + "?org=yucai"
    data = {"person": world.people["member"].pk, "day": "2023-03-01", "points": "1.5", "reason": ""}
    response = client.post(url, data)
    assert "请填写调整原因" in response.content.decode() and not PointAdjustment.objects.exists()
    response = client.post(url, {**data, "reason": "主动承担迎检材料整理"})
    assert response.status_code == 302 and PointAdjustment.objects.get().points == Decimal("1.50")


def test_member_may_not_adjust(world, login):
    data = {"person": world.people["member"].pk, "day": "2023-03-01", "points": "5", "reason": "自己加分"}
    response = login(world.member).post(reverse("appraisal:adjustment_create") + "?org=yucai", data)
    assert response.status_code == 403 and not PointAdjustment.objects.exists()


def test_ranking_export_reads_back(world, login, ledger):
    response = login(world.secretary).get(reverse("appraisal:ranking_export"), SPAN)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    ).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    header = rows.index(("名次", "姓名", "积分"))
    assert [(r[0], r[1]) for r in rows[header + 1 :]] == fixed_data.RANKS
    assert Decimal(str(rows[header + 1][2])) == Decimal("12.5")


# -- 民主评议 ------------------------------------------------------------------------------------
@pytest.fixture
def nine(world):
    for n in range(6):
        PersonFactory(organisation=world.branch, name=f"党员{'甲乙丙丁戊己'[n]}")
    return world


def test_open_then_decide_a_fourth_excellent_is_refused(world, login, nine):
    client = login(world.secretary)
    response = client.post(reverse("appraisal:appraisal_open") + "?org=yucai", {"year": "2023"})
    assert response.status_code == 302 and Appraisal.objects.filter(year=2023).count() == 9
    rows = list(Appraisal.objects.order_by("pk"))
    for a in rows[:3]:
        response = client.post(
            reverse("appraisal:appraisal", args=[a.pk]), {"decision": "excellent", "version": 1}
        )
        assert response.status_code == 302
    response = client.post(
        reverse("appraisal:appraisal", args=[rows[3].pk]), {"decision": "excellent", "version": 1}
    )
    assert response.status_code == 200
    assert "最多评3名优秀" in response.content.decode()
    assert Appraisal.objects.filter(decision="excellent").count() == 3
    page = client.get(reverse("appraisal:appraisals"), {"org": "yucai", "year": "2023"})
    assert "已评定优秀3名（最多3名" in page.content.decode()


def test_member_may_not_decide(world, login):
    a = AppraisalFactory(organisation=world.branch, person=world.people["member"])
    response = login(world.member).post(
        reverse("appraisal:appraisal", args=[a.pk]), {"decision": "excellent"}
    )
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.decision == ""


@pytest.fixture
def year(world):
    people = ("secretary", "committee", "member")
    return {
        p: AppraisalFactory(organisation=world.branch, person=world.people[p], self_assessment="")
        for p in people
    }


def test_rate_page_lists_the_others_and_refuses_twice(world, login, year):
    client = login(world.member)
    url = reverse("appraisal:rate") + "?org=yucai&year=2023"
    page = client.get(url)
    names = [a.person.name for a, _field, _done in page.context["form"].rows()]
    assert names and "刘丹" not in names
    secretary = year["secretary"]
    assert client.post(url, {f"r_{secretary.pk}": "excellent"}).status_code == 302
    response = client.post(url, {f"r_{secretary.pk}": "qualified"})
    assert "已评议过张文华，不能重复评议" in response.content.decode()
    assert PeerRating.objects.count() == 1


def test_rate_with_nothing_chosen_writes_nothing(world, login, year):
    response = login(world.member).post(reverse("appraisal:rate") + "?org=yucai&year=2023", {})
    assert "请至少评议一名党员" in response.content.decode()
    assert not PeerRating.objects.exists()


def test_self_assessment_page(world, login, year):
    client = login(world.member)
    url = reverse("appraisal:self_assess") + "?org=yucai&year=2023"
    response = client.post(url, {"self_assessment": "", "version": 1})
    assert "请填写自我评价" in response.content.decode()
    response = client.post(url, {"self_assessment": "全年参加组织生活，认真完成包教任务。", "version": 1})
    assert response.status_code == 302
    page = client.get(reverse("appraisal:mine"))
    assert "全年参加组织生活" in page.content.decode()


def test_the_member_sees_her_own_result_only(world, login, year):
    year["member"].decision = "qualified"
    year["member"].save()
    page = login(world.member).get(reverse("appraisal:mine"))
    text = page.content.decode()
    assert "2023年度" in text and "合格" in text
    assert [a.person.name for a, _t in page.context["rows"]] == ["刘丹"]


def test_results_export_reads_back(world, login, year):
    PeerRatingFactory(appraisal=year["member"], rater=world.people["secretary"], rating="excellent")
    response = login(world.secretary).get(
        reverse("appraisal:results_export"), {"org": "yucai", "year": "2023"}
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows() if any(c.value is not None for c in row)]
    header = next(i for i, r in enumerate(rows) if r[0] == "姓名")
    assert rows[header][:5] == ("姓名", "互评优秀", "互评合格", "互评基本合格", "互评不合格")
    liu = next(r for r in rows[header + 1 :] if r[0] == "刘丹")
    assert liu[1] == 1


def test_a_removed_adjustment_leaves_the_total_and_comes_back(world, login, ledger):
    from zhibu.appraisal import selectors

    client = login(world.secretary)
    adjustment = PointAdjustment.objects.get(person=world.people["member"])
    response = client.post(
        reverse("core:remove", args=["appraisal.pointadjustment", adjustment.pk]), {"reason": "误扣"}
    )
    assert response.status_code == 302
    assert selectors.explain(world.branch, ledger["member"], fixed_data.PERIOD).total == Decimal("13.00")
    rule = PointRule.objects.get(source="care.visited")
    response = client.post(
        reverse("core:remove", args=["appraisal.pointrule", rule.pk]), {"reason": "规则作废"}
    )
    assert response.status_code == 302
    assert selectors.explain(world.branch, ledger["member"], fixed_data.PERIOD).total == Decimal("12.00")


def test_officers_find_an_appraisal_by_name_members_do_not(world, login, year):
    from zhibu.appraisal.services import appraisals

    mine = year["member"]
    appraisals.self_assess(
        actor=world.member, appraisal=mine, version=mine.version, self_assessment="坚持包教学困生"
    )
    found = login(world.secretary).get(reverse("core:search"), {"q": "包教学困生"})
    assert "2023年度民主评议：刘丹" in found.content.decode()
    found = login(world.member).get(reverse("core:search"), {"q": "包教学困生"})
    assert "2023年度民主评议：刘丹" not in found.content.decode()
