"""Shared builders for the meetings tests (and the permission matrix), over the factories."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zhibu.core.testing import png_bytes  # noqa: F401 - re-exported for the meetings tests
from zhibu.meetings.models import Meeting, MeetingType
from zhibu.meetings.selectors import local_day
from zhibu.meetings.services import LATE_AFTER_DAYS, expected_attendees

from .factories import AttendanceFactory, MeetingFactory, global_type


def at(y: int, m: int, d: int, hh: int = 15, mm: int = 30) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hh, mm))


def mtype(code: str) -> MeetingType:
    return global_type(code)


def make_meeting(
    org,
    *codes: str,
    held_at: datetime | None = None,
    topic: str = "学习贯彻会议精神",
    held: bool = True,
    **data,
) -> Meeting:
    """A meeting as if entered now: its sheet lists who is expected that day (the committee for a
    支委会 alone, otherwise the members), and it is marked late when entered a week after."""
    types = [mtype(c) for c in (codes or ("general_meeting",))]
    held_at = held_at or at(2023, 3, 8)
    meeting = MeetingFactory(
        organisation=org,
        topic=topic,
        held_at=held_at,
        held=held,
        recorded_late=held and timezone.now() - held_at > timedelta(days=LATE_AFTER_DAYS),
        types=types,
        **{"place": "党员活动室", "minutes": "", **data},
    )
    for person in expected_attendees(org, types, local_day(held_at)):
        AttendanceFactory(meeting=meeting, organisation=org, person=person)
    return meeting


def png_upload(name: str = "活动照片.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
