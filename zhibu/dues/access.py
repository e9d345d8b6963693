"""Who among a branch's officers sees and writes dues: the secretary, and the 支委 in charge of
dues — the one holding the 组织委员 post on the branch committee today (the post that keeps 党费
in a branch). Other 支委 hold dues.view by role but are refused here, in every view and service."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.models import Organisation, Post
from zhibu.people import selectors as people_selectors

IN_CHARGE_POST = Post.ORGANISATION


def in_charge(user, org: Organisation) -> bool:
    """The user holds dues.view on org as its secretary, or as the 支委 holding the post."""
    roles = policy.roles_on(user, org)
    if "secretary" in roles:
        return True
    person = policy.person_of(user)
    if "committee" not in roles or person is None:
        return False
    posts = people_selectors.committee_on(org, timezone.localdate()).filter(person=person)
    return posts.filter(post=IN_CHARGE_POST).exists()


def require(user, perm: str, obj) -> None:
    """policy.require, then the in-charge test on the row's organisation (403 when it fails)."""
    policy.require(user, perm, obj)
    if not in_charge(user, policy.organisation_of(obj)):
        raise PermissionDenied(perm)
