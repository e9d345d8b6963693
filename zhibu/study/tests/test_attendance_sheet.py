"""All-staff study: 出席/请假/缺席 for members and non-member staff, "whole branch" / "whole staff" in
one click, and the figures that keep members and non-members apart."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory
from zhibu.study.models import StudyAttendance

from .helpers import session


@pytest.fixture
def lecture(world):
    return session(world.branch, "party_lecture", date(2023, 4, 18), subject="党史")


@pytest.fixture
def staff(world):
    return [PersonFactory(organisation=world.branch, name=n, party_status="none") for n in ("丁一凡", "于洋")]


def url(s) -> str:
    return reverse("study:session_attendance", args=[s.pk])


def test_whole_staff_in_one_click_then_leave_and_absence(world, login, lecture, staff):
    client = login(world.secretary)
    page = client.get(url(lecture)).content.decode()
    assert "丁一凡" in page and "刘丹" in page and "全体教职工出席" in page
    client.post(url(lecture), {"fill": "staff"})
    sheet = dict(StudyAttendance.objects.filter(session=lecture).values_list("person__name", "status"))
    assert sheet["丁一凡"] == "present" and sheet["刘丹"] == "present"
    client.post(
        url(lecture), {f"status-{staff[0].pk}": "leave", f"status-{world.people['member'].pk}": "absent"}
    )
    sheet = dict(StudyAttendance.objects.filter(session=lecture).values_list("person__name", "status"))
    assert (sheet["丁一凡"], sheet["刘丹"], sheet["于洋"]) == ("leave", "absent", "present")
    assert AuditEntry.objects.filter(action="study.session.attendance").count() == 2

    year = Period.year(2023)
    members = figures.compute("study.present_members", world.branch, year)
    non_members = figures.compute("study.present_staff", world.branch, year)
    # non-members present: 于洋 and 何静 (an activist on the staff); 丁一凡 was on leave
    assert {a.person.name for a in non_members.records} == {"于洋", "何静"} and non_members.value == 2
    assert members.value == len([n for n, s in sheet.items() if s == "present"]) - 2
    assert "刘丹" not in {a.person.name for a in members.records}  # absent


def test_whole_branch_marks_the_members_present(world, login, lecture, staff):
    login(world.secretary).post(url(lecture), {"fill": "members"})
    names = set(StudyAttendance.objects.filter(session=lecture).values_list("person__name", flat=True))
    assert "刘丹" in names and "丁一凡" not in names


def test_bad_input_writes_nothing(world, login, lecture):
    stranger = world.people["other_member"]
    response = login(world.secretary).post(url(lecture), {f"status-{stranger.pk}": "present"}, follow=True)
    assert "不属于" in response.content.decode()
    response = login(world.secretary).post(
        url(lecture), {f"status-{world.people['member'].pk}": "late"}, follow=True
    )
    assert "未知的出席情况" in response.content.decode()
    assert not StudyAttendance.objects.filter(session=lecture).exists()


def test_wrong_role_and_other_branch(world, login, lecture):
    assert login(world.member).post(url(lecture), {"fill": "staff"}).status_code == 403
    assert login(world.outsider).post(url(lecture), {"fill": "staff"}).status_code == 404
    assert not StudyAttendance.objects.filter(session=lecture).exists()


def test_editing_the_session_keeps_leave_and_absence_from_the_sheet(world, lecture, staff):
    from zhibu.study.services.attendance import session_attendance_set
    from zhibu.study.services.sessions import session_update

    session_attendance_set(
        actor=world.secretary,
        session=lecture,
        statuses={
            staff[0].pk: "leave",
            world.people["member"].pk: "present",
            world.people["committee"].pk: "absent",
        },
    )
    lecture.refresh_from_db()
    session_update(
        actor=world.secretary,
        session=lecture,
        version=lecture.version,
        study_form=lecture.form,
        subject=lecture.subject,
        topic=lecture.topic,
        held_on=lecture.held_on,
        hours=lecture.hours,
        present=[world.people["committee"]],  # the form's ticks: 刘丹 unticked, 于雪华 now present
    )
    sheet = dict(StudyAttendance.objects.filter(session=lecture).values_list("person__name", "status"))
    assert sheet == {"丁一凡": "leave", "于雪华": "present"}
