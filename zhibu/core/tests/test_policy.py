"""policy: scope first (404), then permission (403); grants over a subtree follow the tree."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from zhibu.core import policy
from zhibu.core.tests.factories import PersonFactory, make_org, make_user


@pytest.fixture
def registry_snapshot():
    """Tests that register permissions or rules leave the process-wide registry as they found it."""
    role_perms = {role: set(perms) for role, perms in policy._ROLE_PERMS.items()}
    known, rules = set(policy._KNOWN_PERMS), dict(policy._OBJECT_RULES)
    yield
    policy._ROLE_PERMS.clear()
    policy._ROLE_PERMS.update(role_perms)
    policy._KNOWN_PERMS.clear()
    policy._KNOWN_PERMS.update(known)
    policy._OBJECT_RULES.clear()
    policy._OBJECT_RULES.update(rules)


def codes(qs) -> set[str]:
    return set(qs.values_list("code", flat=True))


def test_core_permissions_are_registered():
    assert {"core.dashboard", "people.view", "people.edit", "audit.view", "figures.view"} <= (
        policy.known_permissions()
    )
    assert policy.roles_with("people.edit") == {"secretary", "committee"}
    assert "member" not in policy.roles_with("people.view")


@pytest.mark.parametrize(
    ("persona", "perm", "expected"),
    [
        ("secretary", "people.view", {"yucai"}),
        ("committee", "people.edit", {"yucai"}),
        ("member", "people.view", set()),
        ("member", "core.dashboard", {"yucai"}),
        ("checker", "people.edit", set()),
        ("bureau", "people.view", {"bureau", "yucai", "school-14"}),
        ("bureau", "people.edit", set()),
        ("outsider", "people.view", {"school-14"}),
    ],
)
def test_orgs_readable(world, persona, perm, expected):
    assert codes(policy.orgs_readable(world.users[persona], perm)) == expected


def test_orgs_in_scope_ignores_the_permission(world):
    assert codes(policy.orgs_in_scope(world.member)) == {"yucai"}
    assert codes(policy.orgs_in_scope(world.bureau)) == {"bureau", "yucai", "school-14"}


def test_anonymous_has_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not policy.orgs_in_scope(anonymous).exists()
    assert not policy.has_perm(anonymous, "core.dashboard")
    with pytest.raises(Http404):
        policy.require(anonymous, "people.view", world.branch)


def test_require_is_404_out_of_scope_and_403_in_scope(world):
    member = world.people["member"]
    assert policy.require(world.secretary, "people.edit", member) is None
    with pytest.raises(PermissionDenied):
        policy.require(world.member, "people.view", member)
    with pytest.raises(PermissionDenied):
        policy.require(world.bureau, "people.edit", member)  # bureau reads, never writes
    with pytest.raises(Http404):
        policy.require(world.outsider, "people.view", member)
    with pytest.raises(Http404):
        policy.require(world.secretary, "people.view", world.people["outsider"])


def test_has_perm_without_object_answers_for_the_menu(world):
    assert policy.has_perm(world.secretary, "audit.view")
    assert not policy.has_perm(world.committee, "audit.view")
    assert not policy.has_perm(world.member, "people.view")


def test_subtree_grant_covers_organisations_added_later(world):
    new_branch = make_org("school-30", "XX市第三十中学党支部", parent=world.bureau_org)
    person = PersonFactory(organisation=new_branch, name="新老师")
    assert policy.has_perm(world.bureau, "people.view", person)
    assert not policy.in_scope(world.secretary, person)


def test_grant_on_one_branch_does_not_leak_to_a_code_sharing_its_prefix(world):
    # "/bureau/school-1/" must not match "/bureau/school-14/" by string prefix.
    school_1 = make_org("school-1", "XX市第一中学党支部", parent=world.bureau_org)
    head = make_user("head-1", school_1, "secretary", subtree=True)
    assert codes(policy.orgs_in_scope(head)) == {"school-1"}
    with pytest.raises(Http404):
        policy.require(head, "people.view", world.people["outsider"])


def test_group_under_a_branch_is_covered_only_by_a_subtree_grant(world):
    group = make_org("yucai-g1", "育才学校第一党小组", kind="group", parent=world.branch)
    person = PersonFactory(organisation=group, name="组员")
    assert not policy.in_scope(world.secretary, person)  # the world's secretary grant has no subtree
    subtree_secretary = make_user("sec-subtree", world.branch, "secretary", subtree=True)
    assert policy.has_perm(subtree_secretary, "people.edit", person)


def test_grants_are_read_once_per_user_object(world, django_assert_num_queries):
    user = world.secretary
    policy.forget(user)
    with django_assert_num_queries(1):
        for _ in range(5):
            policy.has_perm(user, "people.view", world.branch)
            policy.in_scope(user, world.people["member"])


def test_forget_drops_the_cache_after_a_grant_changes(world):
    from zhibu.core.services.accounts import role_grant

    user = world.member
    assert not policy.has_perm(user, "people.edit", world.branch)
    role_grant(actor=world.secretary, user=user, organisation=world.branch, role="committee")
    assert policy.has_perm(user, "people.edit", world.branch)  # role_grant forgot the cache


def test_object_rule_narrows_a_permission(world, registry_snapshot):
    policy.register_permissions({"test.read": ["secretary", "committee"]})
    policy.register_object_rule("test.read", lambda user, obj: obj.name == "刘丹")
    assert policy.roles_with("test.read") == {"secretary", "committee"}
    assert policy.has_perm(world.secretary, "test.read", world.people["member"])
    assert not policy.has_perm(world.secretary, "test.read", world.people["committee"])
    with pytest.raises(PermissionDenied):
        policy.require(world.secretary, "test.read", world.people["committee"])
    # The rule is about rows; asking about the organisation itself checks roles only.
    assert policy.has_perm(world.secretary, "test.read", world.branch)


def test_organisation_of_refuses_objects_without_one(world):
    with pytest.raises(TypeError):
        policy.organisation_of(object())
    assert policy.organisation_of(world.people["member"]) == world.branch
