"""The audit trail must not become a side door into mentoring records (review findings)."""

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from zhibu.core.models import AuditEntry, User
from zhibu.mentoring import retention, services

from .factories import make_case

pytestmark = pytest.mark.django_db
SECRET = "王小川在家被父亲打"


@pytest.fixture
def reviewed(world):
    student = services.student_create(
        actor=world.users["secretary"],
        organisation=world.branch,
        data={
            "name": "王小川",
            "class_name": "初二（3）班",
            "gender": "M",
            "birth_year": 2013,
            "enrolled_on": date(2021, 9, 1),
        },
    )
    case = make_case(world.people["member"], student=student, started_on=date(2023, 2, 1))
    with time_machine.travel(date(2023, 4, 10)):
        services.review_save(
            actor=world.users["secretary"], case=case, month=date(2023, 3, 1), reviewed=False, remark=SECRET
        )
        services.grant_create(
            actor=world.users["secretary"],
            case=case,
            user=world.users["committee"],
            reason=SECRET,
            ends_on=date(2023, 6, 30),
        )
    return case


def _audit_actions(client) -> list[str]:
    return [e.action for e in client.get(reverse("core:audit")).context["page"].object_list]


def test_bureau_audit_page_lists_no_mentoring_activity(world, login, reviewed):
    assert not [a for a in _audit_actions(login(world.bureau)) if a.startswith("mentoring.")]
    assert [a for a in _audit_actions(login(world.secretary)) if a.startswith("mentoring.")]


def test_superuser_admin_lists_no_mentoring_audit_entries(world, client, reviewed):
    admin = User.objects.create_superuser("root", password="Root-pass-123")
    client.force_login(admin)
    response = client.get(reverse("admin:core_auditentry_changelist"))
    assert response.status_code == 200
    assert (
        "mentoring." not in response.content.decode()
        and reviewed.student.pseudonym not in response.content.decode()
    )
    entry = AuditEntry.objects.filter(action__startswith="mentoring.").first()
    assert client.get(reverse("admin:core_auditentry_change", args=[entry.pk])).status_code in (302, 404)


def test_remarks_and_reasons_are_encrypted_and_kept_out_of_the_trail(reviewed):
    with connection.cursor() as cursor:
        cursor.execute("SELECT remark FROM mentoring_casereview")
        assert SECRET not in cursor.fetchone()[0]
        cursor.execute("SELECT reason FROM mentoring_caseaccessgrant")
        assert SECRET not in cursor.fetchone()[0]
    trail = str(list(AuditEntry.objects.values_list("before", "after")))
    # The birth year as a number of its own: a timestamp's digits ("…122013+00:00") are not it.
    assert SECRET not in trail and not re.search(r"(?<!\d)2013(?!\d)", trail) and "初二（3）班" not in trail


def test_retention_clears_remarks_and_reasons(reviewed):
    student = reviewed.student
    student.left_on = date(2022, 7, 1)
    student.save()
    with time_machine.travel(date(2026, 11, 25)):
        retention.run()
    reviewed.refresh_from_db()
    assert reviewed.reviews.get().remark == ""
    assert reviewed.grants.get().reason == ""


def test_admin_organisation_rename_and_user_delete_are_audited(world, client):
    admin = User.objects.create_superuser("root", password="Root-pass-123")
    client.force_login(admin)
    url = reverse("admin:core_organisation_change", args=[world.branch.pk])
    client.post(url, {"name": "改名支部", "short_name": "", "unit_name": "育才学校"})
    assert AuditEntry.objects.filter(action="core.organisation.changed").exists()
    client.post(reverse("admin:core_user_delete", args=[world.users["checker"].pk]), {"post": "yes"})
    assert not User.objects.filter(username="checker").exists()
    assert AuditEntry.objects.filter(action="core.user.deleted", object_repr="checker").exists()
