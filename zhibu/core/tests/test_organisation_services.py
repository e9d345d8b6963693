"""Organisations through the services: renaming, moving (the subtree's paths in one UPDATE) and
closing (history and past figures kept)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.services import organisations as orgs
from zhibu.core.services.accounts import account_create, role_grant
from zhibu.core.tests.factories import PersonFactory, make_org
from zhibu.core.versioning import StaleEdit


def snapshot() -> list[tuple]:
    rows = Organisation.objects.order_by("pk").values_list("pk", "name", "path", "parent_id", "closed_on")
    return [*rows, AuditEntry.objects.count()]


@pytest.fixture
def tree(world):
    """bureau ─ district (党总支) ─ (nothing yet);  bureau ─ yucai ─ two groups;  bureau ─ school-14."""
    district = make_org("district", "XX区教育党总支", kind="general_branch", parent=world.bureau_org)
    group1 = make_org("yucai-g1", "育才第一党小组", kind="group", parent=world.branch)
    group2 = make_org("yucai-g2", "育才第二党小组", kind="group", parent=world.branch)
    return district, group1, group2


# --- rename ----------------------------------------------------------------------------------------


def test_bureau_renames_a_branch(world):
    org = world.branch
    renamed = orgs.organisation_rename(
        actor=world.bureau, org=org, name="XX市育才实验学校党支部", short_name="育才实验", version=org.version
    )
    assert renamed.name == "XX市育才实验学校党支部" and renamed.version == 2
    entry = AuditEntry.objects.get(action=CoreAction.ORGANISATION_RENAMED)
    assert entry.before["name"] == "XX市育才学校党支部"
    assert entry.after["name"] == "XX市育才实验学校党支部" and entry.after["short_name"] == "育才实验"


@pytest.mark.parametrize(
    ("persona", "target", "error"),
    [
        ("secretary", "branch", PermissionDenied),  # a branch is renamed from above, never by itself
        ("committee", "branch", PermissionDenied),
        ("outsider", "branch", Http404),
        ("bureau", "bureau_org", PermissionDenied),  # the root has no superior here
    ],
)
def test_rename_refuses_the_wrong_role_and_another_branch(world, persona, target, error):
    org = getattr(world, target)
    before = snapshot()
    with pytest.raises(error):
        orgs.organisation_rename(actor=world.users[persona], org=org, name="新名称", version=org.version)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "short_name", "field", "message"),
    [
        ("", "", "name", "请填写名称。"),
        ("  ", "", "name", "请填写名称。"),
        ("名" * 101, "", "name", "名称不能超过100个字。"),
        ("新名称", "简" * 41, "short_name", "简称不能超过40个字。"),
        ("XX市第十四中学党支部", "", "name", "上级组织下已有名为“XX市第十四中学党支部”的组织。"),
    ],
)
def test_rename_bad_input_names_the_field_and_writes_nothing(world, name, short_name, field, message):
    before = snapshot()
    with pytest.raises(ValidationError) as exc:
        orgs.organisation_rename(
            actor=world.bureau,
            org=world.branch,
            name=name,
            short_name=short_name,
            version=world.branch.version,
        )
    assert exc.value.message_dict[field] == [message]
    assert snapshot() == before


def test_rename_refuses_a_stale_version(world):
    before = snapshot()
    with pytest.raises(StaleEdit):
        orgs.organisation_rename(
            actor=world.bureau, org=world.branch, name="新名称", version=world.branch.version + 1
        )
    assert snapshot() == before


# --- move ------------------------------------------------------------------------------------------


def test_move_rewrites_the_paths_of_the_whole_subtree_in_one_update(world, tree):
    district, group1, group2 = tree
    other_before = Organisation.objects.get(pk=world.other_branch.pk).path
    with CaptureQueriesContext(connection) as queries:
        orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=district)
    updates = [
        q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "core_organisation"')
    ]
    assert len(updates) == 1
    paths = dict(Organisation.objects.values_list("code", "path"))
    assert paths["yucai"] == "/bureau/district/yucai/"
    assert paths["yucai-g1"] == "/bureau/district/yucai/yucai-g1/"
    assert paths["yucai-g2"] == "/bureau/district/yucai/yucai-g2/"
    assert paths["school-14"] == other_before == "/bureau/school-14/"
    assert paths["district"] == "/bureau/district/"
    moved = Organisation.objects.get(pk=world.branch.pk)
    assert moved.parent == district and moved.version == 2
    assert Organisation.objects.get(pk=group1.pk).parent_id == world.branch.pk  # children keep their parent
    assert {o.code for o in district.subtree()} == {"district", "yucai", "yucai-g1", "yucai-g2"}
    entry = AuditEntry.objects.get(action=CoreAction.ORGANISATION_MOVED)
    assert entry.before["path"] == "/bureau/yucai/" and entry.after["path"] == "/bureau/district/yucai/"
    assert entry.before["parent"] == world.bureau_org.pk and entry.after["parent"] == district.pk
    assert entry.after["subtree_rows"] == 3


def test_after_a_move_the_new_superior_counts_the_branch(world, tree):
    district, *_ = tree
    year = Period.year(timezone.localdate().year)
    before = figures.compute("people.members", world.bureau_org, year).value
    orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=district)
    assert figures.compute("people.members", district, year).value == 3  # 张文华, 于雪华, 刘丹
    assert figures.compute("people.members", world.bureau_org, year).value == before


def test_move_refuses_bad_targets_and_writes_nothing(world, tree):
    district, group1, _ = tree
    before = snapshot()
    bad = [
        (world.branch, "不能把组织移到它自己或它的下级组织之下。"),
        (world.bureau_org, "新的上级组织与原上级组织相同。"),
    ]
    for target, message in bad:
        with pytest.raises(ValidationError) as exc:
            orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=target)
        assert exc.value.message_dict["parent"] == [message]
    with pytest.raises(ValidationError) as exc:  # under its own group (its subtree)
        orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=group1)
    assert exc.value.message_dict["parent"] == ["不能把组织移到它自己或它的下级组织之下。"]
    with pytest.raises(ValidationError) as exc:  # a 党小组 takes no sub-organisation
        orgs.organisation_move(actor=world.bureau, org=world.other_branch, new_parent=group1)
    assert exc.value.message_dict["parent"] == ["党小组下不能再设组织"]
    Organisation.objects.filter(pk=district.pk).update(closed_on=date(2024, 1, 1))
    district.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=district)
    assert exc.value.message_dict["parent"] == ["上级组织已撤销，不能再设下级组织。"]
    Organisation.objects.filter(pk=district.pk).update(closed_on=None)
    assert snapshot()[:-1] == before[:-1]
    assert AuditEntry.objects.count() == before[-1]


def test_move_refuses_outside_the_actors_scope(world, tree):
    district, *_ = tree
    elsewhere = make_org("other-bureau", "YY市教育局党委", kind="committee")
    before = snapshot()
    with pytest.raises(PermissionDenied):
        orgs.organisation_move(actor=world.secretary, org=world.branch, new_parent=district)
    with pytest.raises(Http404):
        orgs.organisation_move(actor=world.outsider, org=world.branch, new_parent=district)
    with pytest.raises(Http404):  # the bureau cannot hand a branch to a tree it does not manage
        orgs.organisation_move(actor=world.bureau, org=world.branch, new_parent=elsewhere)
    assert snapshot() == before


def test_move_refuses_a_stale_row(world, tree):
    district, *_ = tree
    stale = Organisation.objects.get(pk=world.branch.pk)
    orgs.organisation_rename(actor=world.bureau, org=world.branch, name="改过的名称", version=1)
    before = snapshot()
    with pytest.raises(StaleEdit):
        orgs.organisation_move(actor=world.bureau, org=stale, new_parent=district)
    assert snapshot() == before


# --- close -----------------------------------------------------------------------------------------


def test_closing_keeps_history_and_past_figures(world):
    last_year = Period.year(timezone.localdate().year - 1)
    counted = figures.compute("people.members", world.bureau_org, last_year).value
    assert counted == 5  # three of yucai (its checker is an activist) and the two of school-14
    closed = orgs.organisation_close(
        actor=world.bureau, org=world.other_branch, closed_on=timezone.localdate() - timedelta(days=1)
    )
    assert closed.is_closed and closed.version == 2
    # Nothing is deleted and the bureau's past (and present) figures still count the branch's members.
    assert figures.compute("people.members", world.bureau_org, last_year).value == counted
    assert figures.compute("people.members", world.other_branch, last_year).value == 2
    assert world.outsider.grants.exists()
    entry = AuditEntry.objects.get(action=CoreAction.ORGANISATION_CLOSED)
    assert entry.before["closed_on"] is None and entry.after["closed_on"] == closed.closed_on.isoformat()
    # A closed branch takes no new account, role or sub-organisation.
    newcomer = PersonFactory(organisation=closed, name="钱二")
    with pytest.raises(ValidationError, match="所在党组织已撤销"):
        account_create(actor=world.bureau, person=newcomer, username="qianer")
    with pytest.raises(ValidationError, match="该党组织已撤销"):
        role_grant(actor=world.bureau, user=world.outsider, organisation=closed, role="committee")
    with pytest.raises(ValidationError, match="上级组织已撤销"):
        orgs.organisation_create(actor=world.bureau, parent=closed, code="g", name="第一党小组", kind="group")


def test_close_refuses_bad_input_and_the_wrong_role(world, tree):
    before = snapshot()
    tomorrow = timezone.localdate() + timedelta(days=1)
    cases = [
        (world.branch, None, "closed_on", "请填写撤销日期。"),
        (world.other_branch, tomorrow, "closed_on", "撤销日期不能晚于今天。"),
    ]
    for org, day, field, message in cases:
        with pytest.raises(ValidationError) as exc:
            orgs.organisation_close(actor=world.bureau, org=org, closed_on=day)
        assert exc.value.message_dict[field] == [message]
    with pytest.raises(ValidationError, match="请先撤销或调整其下级组织：育才第一党小组、育才第二党小组"):
        orgs.organisation_close(actor=world.bureau, org=world.branch, closed_on=timezone.localdate())
    with pytest.raises(PermissionDenied):
        orgs.organisation_close(actor=world.secretary, org=world.branch, closed_on=timezone.localdate())
    with pytest.raises(Http404):
        orgs.organisation_close(actor=world.outsider, org=world.branch, closed_on=timezone.localdate())
    assert snapshot() == before
    orgs.organisation_close(actor=world.bureau, org=world.other_branch, closed_on=timezone.localdate())
    world.other_branch.refresh_from_db()
    with pytest.raises(ValidationError, match="该组织已于"):
        orgs.organisation_close(actor=world.bureau, org=world.other_branch, closed_on=timezone.localdate())
    with pytest.raises(ValidationError, match="已撤销的组织不能调整隶属关系"):
        orgs.organisation_move(actor=world.bureau, org=world.other_branch, new_parent=tree[0])
