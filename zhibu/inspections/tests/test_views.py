"""Pages: the bureau's plans, the score table, results and export; a branch's own result."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import make_org, make_user
from zhibu.inspections.models import InspectionPlan, PlanState, Score

from .helpers import give, make_plan

pytestmark = pytest.mark.django_db


def test_bureau_creates_a_plan_from_the_form(world, login):
    client = login(world.bureau)
    response = client.post(
        reverse("inspections:plan_create") + "?org=bureau",
        {
            "title": "2026年度市直学校党建工作考核",
            "year": "2026",
            "scope_label": "市直",
            "excellent_from": "90",
            "good_from": "80",
            "pass_from": "60",
            "items": "德育活动，15，1\n学案导学 20\n收费,10,0.5\n",
        },
    )
    plan = InspectionPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert list(plan.items.values_list("name", "max_score", "weight")) == [
        ("德育活动", Decimal("15"), Decimal("1")),
        ("学案导学", Decimal("20"), Decimal("1")),
        ("收费", Decimal("10"), Decimal("0.5")),
    ]
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "学案导学" in page and "开始评分" in page


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ("德育活动，十五，1", "第1行“德育活动，十五，1”的满分或权重不是数字"),
        ("体艺，10，0", "第1项“体艺”的权重须大于0"),
    ],
)
def test_bad_plan_form_says_where_and_writes_nothing(world, login, items, message):
    data = {"title": "考核", "year": "2026", "excellent_from": "90", "good_from": "80", "pass_from": "60"}
    response = login(world.bureau).post(
        reverse("inspections:plan_create") + "?org=bureau", {**data, "items": items}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not InspectionPlan.objects.exists()


def test_score_table_saves_and_refuses_a_score_above_full_marks(world, login):
    plan = make_plan(world)
    first, second = plan.items.order_by("order")[:2]
    client = login(world.bureau)
    url = reverse("inspections:scores", args=[plan.pk])
    page = client.get(url).content.decode()
    assert (
        "XX市育才学校党支部" in page
        and "XX市第十四中学党支部" in page
        and f'name="s-{world.branch.pk}-{first.pk}"' in page
    )
    bad = {f"s-{world.branch.pk}-{first.pk}": "14", f"s-{world.other_branch.pk}-{second.pk}": "21"}
    response = client.post(url, bad)
    assert response.status_code == 400
    text = response.content.decode()
    assert "XX市第十四中学党支部的“学案导学”得分21超过该项满分20" in text
    assert 'value="21"' in text  # what she typed is still there to correct
    assert not Score.objects.exists()
    response = client.post(url, {**bad, f"s-{world.other_branch.pk}-{second.pk}": "19.5"})
    assert response.status_code == 302
    assert Score.objects.count() == 2


def test_one_item_column_takes_remarks(world, login):
    plan = make_plan(world)
    item = plan.items.first()
    url = reverse("inspections:scores", args=[plan.pk]) + f"?item={item.pk}"
    client = login(world.bureau)
    assert "评分说明" in client.get(url).content.decode()
    client.post(
        url, {f"s-{world.branch.pk}-{item.pk}": "13", f"r-{world.branch.pk}-{item.pk}": "活动记录齐全"}
    )
    assert Score.objects.get().remark == "活动记录齐全"


def test_results_table_sorted_with_ranks_and_levels(world, login):
    plan = make_plan(world)
    third = make_org("school-20", "XX市第二十中学党支部", parent=world.bureau_org)
    give(plan, world.branch, 13.5, 18, 14.5, 9, 37)  # 92
    give(plan, world.other_branch, 14, 19, 14, 9, 38)  # 94
    give(plan, third, 14, 19, 14, 9, 38)  # 94
    client = login(world.bureau)
    rows = client.get(reverse("inspections:results", args=[plan.pk])).context["rows"]
    assert [(r.branch_name, r.rank, r.level_label) for r in rows] == [
        ("XX市第十四中学党支部", 1, "优秀"),
        ("XX市第二十中学党支部", 1, "优秀"),
        ("XX市育才学校党支部", 3, "优秀"),
    ]
    rows = client.get(reverse("inspections:results", args=[plan.pk]) + "?sort=total").context["rows"]
    assert rows[0].branch_name == "XX市育才学校党支部"


def test_results_export_reads_back(world, login):
    plan = make_plan(world)
    give(plan, world.branch, 13.5, 18, 14.5, 9, 37)
    give(plan, world.other_branch, 15, 20, 15, 10, 40)
    response = login(world.bureau).get(reverse("inspections:results_export", args=[plan.pk]) + "?format=xlsx")
    assert response.status_code == 200
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = [
        [c.value for c in row] for row in book.active.iter_rows() if any(c.value is not None for c in row)
    ]
    header = next(r for r in rows if r[0] == "名次")
    assert header == [
        "名次",
        "单位",
        "德育活动（15）",
        "学案导学（20）",
        "党员包教（15）",
        "体艺（10）",
        "规范办学（40）",
        "总分",
        "等次",
    ]
    data = rows[rows.index(header) + 1 :]
    assert data[0][:2] == [1, "XX市第十四中学党支部"] and Decimal(str(data[0][7])) == Decimal("100")
    assert data[1][:2] == [2, "XX市育才学校党支部"] and data[1][-1] == "优秀"
    assert AuditEntry.objects.filter(action="inspections.results.exported").count() == 1


def test_another_bureau_gets_404_and_a_branch_role_on_the_bureau_gets_403(world, login):
    plan = make_plan(world)
    county = make_org("county", "XX县教育局党委", kind="committee")
    stranger = make_user("county-bureau", county, "bureau", subtree=True)
    assert login(stranger).get(reverse("inspections:plan", args=[plan.pk])).status_code == 404
    assert login(stranger).get(reverse("inspections:scores", args=[plan.pk])).status_code == 404
    clerk = make_user("bureau-clerk", world.bureau_org, "member")
    assert login(clerk).get(reverse("inspections:plan", args=[plan.pk])).status_code == 403
    assert login(clerk).post(reverse("inspections:plan_publish", args=[plan.pk])).status_code == 403


def test_branch_sees_its_own_result_only_after_publishing(world, login):
    plan = make_plan(world)
    give(plan, world.branch, 13.5, 18, 14.5, 9, 37)
    give(plan, world.other_branch, 15, 20, 15, 10, 40)
    url = reverse("inspections:result", args=[plan.pk, world.branch.pk])
    client = login(world.secretary)
    assert client.get(url).status_code == 404
    assert "还没有发布" in client.get(reverse("inspections:mine")).content.decode()
    InspectionPlan.objects.filter(pk=plan.pk).update(state=PlanState.PUBLISHED)
    page = client.get(url).content.decode()
    assert "名列市直第二名（共2个）" in page and "优秀" in page and "92.00" in page
    assert "13.50" in page  # its own item score
    assert "40.00" not in page and "XX市第十四中学党支部" not in page  # nothing of the other branch
    mine = client.get(reverse("inspections:mine")).content.decode()
    assert "第2名（共2个）" in mine


def test_a_branch_cannot_open_another_branch_result(world, login):
    plan = make_plan(world, state=PlanState.PUBLISHED)
    give(plan, world.other_branch, 15, 20, 15, 10, 40)
    client = login(world.secretary)
    assert client.get(reverse("inspections:result", args=[plan.pk, world.other_branch.pk])).status_code == 404
    assert client.get(reverse("inspections:results", args=[plan.pk])).status_code == 404
    assert (
        login(world.member).get(reverse("inspections:result", args=[plan.pk, world.branch.pk])).status_code
        == 403
    )


def test_nav_shows_each_role_its_own_entry(world, login):
    bureau_page = login(world.bureau).get(reverse("inspections:plans")).content.decode()
    assert reverse("inspections:plans") in bureau_page and reverse("inspections:mine") not in bureau_page
    branch_page = login(world.secretary).get(reverse("inspections:mine")).content.decode()
    assert (
        reverse("inspections:mine") in branch_page
        and 'href="' + reverse("inspections:plans") + '"' not in branch_page
    )
    member_page = login(world.member).get(reverse("core:dashboard")).content.decode()
    assert reverse("inspections:mine") not in member_page
