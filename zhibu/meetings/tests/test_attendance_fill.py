"""The whole branch or the whole staff on a meeting's sheet in one click; non-member staff only
where the meeting's type admits them, marked 列席."""

from __future__ import annotations

from django.urls import reverse

from zhibu.core.tests.factories import PersonFactory
from zhibu.meetings.models import Attendance

from .helpers import at, make_meeting


def fill(client, meeting, group: str):
    return client.post(reverse("meetings:attendance_fill", args=[meeting.pk]), {"group": group}, follow=True)


def test_whole_staff_joins_a_lecture_as_guests(world, login):
    staff = PersonFactory(organisation=world.branch, name="丁一凡", party_status="none")
    lecture = make_meeting(world.branch, "party_lecture", held_at=at(2023, 4, 18))
    Attendance.objects.filter(meeting=lecture).delete()
    page = fill(login(world.secretary), lecture, "staff").content.decode()
    assert "已添加" in page
    row = Attendance.objects.get(meeting=lecture, person=staff)
    assert row.status == "present" and row.is_guest
    assert Attendance.objects.filter(meeting=lecture, person=world.people["member"], is_guest=False).exists()
    before = Attendance.objects.filter(meeting=lecture).count()
    fill(login(world.secretary), lecture, "staff")  # again: nobody twice
    assert Attendance.objects.filter(meeting=lecture).count() == before


def test_a_general_meeting_refuses_the_whole_staff_and_writes_nothing(world, login):
    PersonFactory(organisation=world.branch, name="丁一凡", party_status="none")
    general = make_meeting(world.branch, "general_meeting", held_at=at(2023, 4, 18))
    before = Attendance.objects.filter(meeting=general).count()
    page = fill(login(world.secretary), general, "staff").content.decode()
    assert "不允许非党员列席" in page
    assert Attendance.objects.filter(meeting=general).count() == before


def test_wrong_role_and_other_branch(world, login):
    meeting = make_meeting(world.branch, "party_lecture", held_at=at(2023, 4, 18))
    Attendance.objects.filter(meeting=meeting).delete()
    assert (
        login(world.member)
        .post(reverse("meetings:attendance_fill", args=[meeting.pk]), {"group": "members"})
        .status_code
        == 403
    )
    assert (
        login(world.outsider)
        .post(reverse("meetings:attendance_fill", args=[meeting.pk]), {"group": "members"})
        .status_code
        == 404
    )
    assert not Attendance.objects.filter(meeting=meeting).exists()
