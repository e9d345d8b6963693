"""Who can read a case: its mentor, the branch secretary, and holders of an active grant. Nobody
else — proved here for every role on the list, the detail, the log form and the booklet."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.mentoring import selectors
from zhibu.mentoring.models import MentoringLog

from .factories import make_case, make_grant, make_log

REAL_NAME = "王小川"


def _users(world, other_member, superuser, case, grant_kind):
    users = dict(world.users)
    users["other_member"] = other_member
    users["superuser"] = superuser
    if grant_kind == "active":
        make_grant(case, world.users["committee"])
    elif grant_kind == "expired":
        make_grant(case, world.users["committee"], days=-1)
    elif grant_kind == "revoked":
        make_grant(case, world.users["committee"], revoked_at=timezone.now())
    return users


# persona -> expected status on the case detail (the mentor is world.people["member"]).
DETAIL = {
    "secretary": 200,
    "member": 200,
    "committee": 403,
    "other_member": 403,
    "checker": 403,
    "bureau": 403,
    "outsider": 404,
    "superuser": 404,
}


@pytest.mark.parametrize("grant_kind", ["none", "active", "expired", "revoked"])
@pytest.mark.parametrize("persona", sorted(DETAIL))
def test_case_detail_access(world, other_member, superuser, case, client, persona, grant_kind):
    users = _users(world, other_member, superuser, case, grant_kind)
    make_log(case, case.started_on, text="与王小川谈心，讨论同学矛盾")
    client.force_login(users[persona])
    expected = DETAIL[persona]
    if persona == "committee" and grant_kind == "active":
        expected = 200
    response = client.get(reverse("mentoring:case", args=[case.pk]))
    assert response.status_code == expected
    body = response.content.decode()
    if expected == 200:
        assert REAL_NAME in body and "与王小川谈心" in body
    else:
        assert REAL_NAME not in body and "与王小川谈心" not in body
    # The list agrees with the detail: the case appears exactly for those who may open it.
    listed = client.get(reverse("mentoring:cases") + "?status=all")
    if listed.status_code == 200:
        assert (case.student.pseudonym in listed.content.decode()) == (expected == 200)
        assert REAL_NAME not in listed.content.decode()  # lists show pseudonyms only


@pytest.mark.parametrize("persona", sorted(DETAIL))
def test_selector_matches_object_rule(world, other_member, superuser, persona):
    """The SQL filter for lists and the per-object rule give the same answer for every case."""
    users = _users(world, other_member, superuser, make_case(world.people["member"]), "none")
    granted = make_case(world.people["secretary"])
    make_grant(granted, world.users["committee"])
    expired = make_case(world.people["committee"])
    make_grant(expired, world.users["member"], days=-3)
    make_case(world.people["outsider"])
    from zhibu.core import policy
    from zhibu.mentoring.models import MentoringCase

    user = users[persona]
    readable = set(selectors.cases_readable(user).values_list("pk", flat=True))
    by_rule = {c.pk for c in MentoringCase.objects.all() if policy.has_perm(user, "mentoring.case.view", c)}
    assert readable == by_rule


def test_committee_mentor_reads_own_case(world, client):
    case = make_case(world.people["committee"])
    client.force_login(world.users["committee"])
    assert client.get(reverse("mentoring:case", args=[case.pk])).status_code == 200


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("secretary", 302),
        ("member", 302),
        ("committee", 403),
        ("checker", 403),
        ("bureau", 403),
        ("outsider", 404),
    ],
)
def test_log_write_access(world, case, client, persona, expected):
    client.force_login(world.users[persona])
    data = {"on": case.started_on.isoformat(), "dimension": "study", "text": "辅导作业", "observation": ""}
    response = client.post(reverse("mentoring:log_create", args=[case.pk]), data)
    assert response.status_code == expected
    assert MentoringLog.objects.count() == (1 if expected == 302 else 0)


def test_granted_committee_reads_but_cannot_write(world, case, client):
    make_grant(case, world.users["committee"])
    client.force_login(world.users["committee"])
    assert client.get(reverse("mentoring:case", args=[case.pk])).status_code == 200
    data = {"on": case.started_on.isoformat(), "dimension": "study", "text": "辅导作业"}
    assert client.post(reverse("mentoring:log_create", args=[case.pk]), data).status_code == 403
    assert client.get(reverse("mentoring:case_plan", args=[case.pk])).status_code == 403


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("secretary", 200),
        ("member", 403),
        ("committee", 403),
        ("checker", 403),
        ("bureau", 403),
        ("outsider", 404),
    ],
)
def test_booklet_access(world, case, client, persona, expected):
    client.force_login(world.users[persona])
    response = client.post(reverse("mentoring:booklet") + "?org=yucai", {})
    assert response.status_code == expected
    assert AuditEntry.objects.filter(action="mentoring.booklet.exported").count() == (expected == 200)


def test_superuser_without_role_gets_404_everywhere(superuser, case, client):
    client.force_login(superuser)
    assert client.get(reverse("mentoring:case", args=[case.pk])).status_code == 404
    assert client.get(reverse("mentoring:booklet") + "?org=yucai").status_code == 404
    assert client.get(reverse("mentoring:cases")).status_code == 403  # no role anywhere
    admin = client.get("/admin/")
    assert admin.status_code == 200 and "mentoring" not in admin.content.decode().lower()


def test_no_mentoring_model_in_admin():
    from django.contrib import admin

    assert not [m for m in admin.site._registry if m._meta.app_label == "mentoring"]


def test_nav_only_for_roles_with_permission(world, client):
    for persona, visible in [("secretary", True), ("member", True), ("checker", False), ("bureau", False)]:
        client.force_login(world.users[persona])
        body = client.get(reverse("core:dashboard")).content.decode()
        assert (reverse("mentoring:cases") in body) == visible, persona


def test_bureau_dashboard_shows_counts_not_students(world, case, client):
    make_log(case, case.started_on, text="与王小川谈心")
    client.force_login(world.users["bureau"])
    body = client.get(
        reverse("core:figure", args=["mentoring.active_cases"]) + "?org=yucai&period=year&on=2023-05-01"
    )
    text = body.content.decode()
    assert body.status_code == 200 and REAL_NAME not in text and "与王小川谈心" not in text
    # the issue: the bureau sees counts only — not even the pseudonymous case list
    assert case.student.pseudonym not in text
    assert body.context["value"].value == 1


# -- audit: one entry per read -----------------------------------------------------------------
def test_each_detail_view_writes_exactly_one_audit_entry(world, case, client):
    for day in range(30):
        make_log(case, case.started_on + timedelta(days=day))
    client.force_login(world.users["member"])
    url = reverse("mentoring:case", args=[case.pk])
    for n in range(1, 4):
        client.get(url + ("?page=2" if n == 2 else ""))
        reads = AuditEntry.objects.filter(action="mentoring.case.read", object_id=str(case.pk))
        assert reads.count() == n
    entry = reads.first()
    assert entry.actor == world.users["member"] and entry.object_repr == case.student.pseudonym
    assert REAL_NAME not in str(entry.after) and REAL_NAME not in entry.object_repr


def test_denied_reads_write_no_read_entry(world, case, client):
    client.force_login(world.users["committee"])
    client.get(reverse("mentoring:case", args=[case.pk]))
    assert not AuditEntry.objects.filter(action="mentoring.case.read").exists()


def test_list_writes_no_read_entry_and_shows_no_name(world, case, client):
    client.force_login(world.users["secretary"])
    body = client.get(reverse("mentoring:cases")).content.decode()
    assert case.student.pseudonym in body and REAL_NAME not in body
    assert not AuditEntry.objects.filter(action="mentoring.case.read").exists()
