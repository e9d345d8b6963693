"""The menu: areas declared by core in a fixed order, entries from every ledger, and per user only
the areas holding an entry she may open — never an empty area, never a link that answers 403."""

from __future__ import annotations

import pytest

from zhibu.core import policy
from zhibu.core.registries import navigation
from zhibu.core.tests.factories import UserFactory

# The officers' 评议考核 entries (the appraisal app's five among honours' and inspections').
APPRAISAL_OFFICERS = [
    *("评先评优", "满意度测评", "荣誉", "教学评比"),
    *("我的积分", "积分排名", "积分规则", "民主评议", "我的评议"),
    "考核结果",
]
AREAS = [
    "组织与人员",
    "组织生活",
    "学习",
    "服务与关爱",
    "包教",
    "承诺与公开",
    "评议考核",
    "总结与报送",
    "上级党委",
    "管理",
]


def menu(user, path=None) -> list[tuple[str, list[str]]]:
    return [
        (group["label"], [e["label"] for e in group["items"]]) for group in navigation.items_for(user, path)
    ]


@pytest.fixture
def registry_snapshot():
    """Tests that register entries or groups leave the process-wide registry as they found it."""
    items, groups = dict(navigation._ITEMS), dict(navigation._GROUPS)
    yield
    navigation._ITEMS.clear()
    navigation._ITEMS.update(items)
    navigation._GROUPS.clear()
    navigation._GROUPS.update(groups)


def test_core_declares_every_area_in_order():
    assert [str(g.label) for g in navigation.groups()] == AREAS


def test_every_entry_names_a_declared_area_and_a_known_permission():
    declared = {g.code for g in navigation.groups()}
    for entry in navigation.entries():
        assert entry.group == "" or entry.group in declared, entry
        assert entry.perm in policy.known_permissions(), entry


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (
            "secretary",
            [
                ("工作台", ["工作台"]),
                (
                    "组织与人员",
                    ["人员名册", "发展党员", "支部委员会", "换届与补选", "党费", "组织关系转接", "我的党费"],
                ),
                ("组织生活", ["组织生活记录", "工作日历"]),
                ("学习", ["学习台账", "我的学习", "笔记检查"]),
                ("服务与关爱", ["服务台账", "我的服务", "走访慰问", "问寒问暖", "捐款"]),
                ("包教", ["包教工作", "包教检查"]),
                ("承诺与公开", ["承诺台账", "岗位职责", "谈心谈话", "征求意见", "意见建议", "党务公开"]),
                ("评议考核", APPRAISAL_OFFICERS),
                ("总结与报送", ["总结材料", "文稿校对", "通知任务", "统计数"]),
                ("管理", ["账号与角色", "回收站", "操作日志"]),
            ],
        ),
        (
            "committee",
            [
                ("工作台", ["工作台"]),
                ("组织与人员", ["人员名册", "发展党员", "换届与补选", "党费", "组织关系转接", "我的党费"]),
                ("组织生活", ["组织生活记录", "工作日历"]),
                ("学习", ["学习台账", "我的学习"]),
                ("服务与关爱", ["服务台账", "我的服务", "走访慰问", "问寒问暖", "捐款"]),
                ("包教", ["包教工作", "包教检查"]),
                ("承诺与公开", ["承诺台账", "岗位职责", "谈心谈话", "征求意见", "意见建议", "党务公开"]),
                ("评议考核", APPRAISAL_OFFICERS),
                ("总结与报送", ["总结材料", "文稿校对", "通知任务", "统计数"]),
            ],
        ),
        (
            "member",
            [
                ("工作台", ["工作台"]),
                ("组织与人员", ["我的党费"]),
                ("组织生活", ["组织生活记录", "工作日历"]),
                ("学习", ["学习台账", "我的学习"]),
                ("服务与关爱", ["我的服务", "捐款"]),
                ("包教", ["包教工作"]),
                ("承诺与公开", ["承诺台账", "岗位职责", "征求意见"]),
                ("评议考核", ["评先评优", "荣誉", "教学评比", "我的积分", "我的评议"]),
            ],
        ),
        (
            "checker",
            [
                ("工作台", ["工作台"]),
                ("学习", ["笔记检查"]),
                ("服务与关爱", ["问寒问暖"]),
            ],
        ),
        (
            "bureau",
            [
                ("工作台", ["工作台"]),
                ("组织与人员", ["人员名册", "发展党员", "换届与补选", "组织关系转接", "党费交纳标准"]),
                ("组织生活", ["组织生活记录", "工作日历", "周期规则"]),
                ("学习", ["学习台账"]),
                ("评议考核", ["评先评优", "满意度测评", "检查评比"]),
                ("总结与报送", ["总结材料", "报送管理", "通知任务", "统计数"]),
                ("上级党委", ["支部总览"]),
                ("管理", ["账号与角色", "下级组织", "备份", "操作日志"]),
            ],
        ),
    ],
)
def test_each_role_sees_its_areas_in_order_with_only_its_entries(world, persona, expected):
    user = world.users[persona]
    assert menu(user) == expected
    for group in navigation.items_for(user):
        assert group["items"], group  # no empty area
        assert group["top"] == (group["code"] == "")
    for entry in navigation.entries():
        shown = any(e["name"] == entry.url_name for e in navigation.entries_for(user))
        assert shown == policy.has_perm(user, entry.perm), (persona, entry.url_name)


def test_a_user_without_a_role_gets_no_menu(db):
    assert navigation.items_for(UserFactory(username="nobody")) == []


@pytest.mark.parametrize("persona", ["secretary", "committee", "member", "checker", "bureau", "outsider"])
def test_every_entry_opens_for_the_user_who_sees_it(world, login, persona):
    client = login(world.users[persona])
    for entry in navigation.entries_for(world.users[persona]):
        response = client.get(entry["url"])
        assert response.status_code == 200, (persona, entry["label"], response.status_code)


def test_an_area_appears_with_its_first_entry_in_its_place(world, registry_snapshot):
    # Every area core declares now holds a ledger's entries, so the test declares one of its own
    # (between 承诺与公开 and 评议考核): absent from every menu until an entry a user may open is
    # registered there, then in its place, its entries by order.
    navigation.group("trial", "试验区", 65)
    before = [label for label, _ in menu(world.checker)]
    assert "试验区" not in before
    navigation.register("公开承诺", "core:search", perm="core.dashboard", group="trial", order=10)
    navigation.register("统计一览", "core:figures", perm="figures.view", group="trial", order=5)
    labels = [label for label, _ in menu(world.checker)]
    order = {str(g.label): g.order for g in navigation.groups()}
    earlier = [label for label in before if label == "工作台" or order.get(label, 0) < order["试验区"]]
    assert labels == [*earlier, "试验区", *before[len(earlier) :]]
    assert dict(menu(world.checker))["试验区"] == ["公开承诺"]  # 统计一览 needs figures.view
    assert dict(menu(world.secretary))["试验区"] == ["统计一览", "公开承诺"]  # by order within the area


def test_an_entry_in_an_undeclared_area_fails_loudly(world, registry_snapshot):
    navigation.register("无处安放", "core:search", perm="core.dashboard", group="nowhere")
    with pytest.raises(LookupError, match="nowhere"):
        navigation.items_for(world.member)


def test_registering_again_replaces_the_entry(world, registry_snapshot):
    before = len(navigation.entries())
    navigation.register("工作台", "core:dashboard", perm="core.dashboard", order=0)
    assert len(navigation.entries()) == before


@pytest.mark.parametrize(
    ("path", "group", "entry", "current"),
    [
        ("/", "工作台", "工作台", "page"),
        ("/meetings/", "组织生活", "组织生活记录", "page"),
        ("/meetings/calendar/", "组织生活", "工作日历", "page"),
        ("/meetings/12/edit/", "组织生活", "组织生活记录", "true"),
        ("/people/3/", "组织与人员", "人员名册", "true"),
        ("/figures/people.staff/", "总结与报送", "统计数", "true"),
        ("/search/", None, None, None),
    ],
)
def test_the_current_page_marks_its_entry_and_area(world, path, group, entry, current):
    groups = navigation.items_for(world.secretary, path)
    marked = [g["label"] for g in groups if g["current"]]
    entries = [(e["label"], e["current"]) for g in groups for e in g["items"] if e["current"]]
    assert marked == ([group] if group else [])
    assert entries == ([(entry, current)] if entry else [])


def test_the_page_shell_renders_the_areas(world, login):
    html = login(world.member).get("/meetings/calendar/").content.decode()
    assert 'aria-controls="nav-life"' in html and 'aria-current="page">工作日历<' in html
    assert "nav-reports" not in html and "操作日志" not in html
    assert login(None).get("/accounts/login/").context["nav_groups"] == []
