"""Shared builders for the meetings tests (and the permission matrix)."""

from __future__ import annotations

from datetime import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zhibu.core.testing import png_bytes  # noqa: F401 - re-exported for the meetings tests
from zhibu.meetings import services
from zhibu.meetings.models import Meeting, MeetingType


def at(y: int, m: int, d: int, hh: int = 15, mm: int = 30) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hh, mm))


def mtype(code: str) -> MeetingType:
    return MeetingType.objects.get(code=code, organisation__isnull=True)


def make_meeting(
    org,
    *codes: str,
    held_at: datetime | None = None,
    topic: str = "学习贯彻会议精神",
    held: bool = True,
    **data,
) -> Meeting:
    return services.meeting_add(
        actor=None,
        organisation=org,
        data={
            "topic": topic,
            "held_at": held_at or at(2023, 3, 8),
            "place": "党员活动室",
            "held": held,
            **data,
        },
        types=[mtype(c) for c in (codes or ("general_meeting",))],
    )


def png_upload(name: str = "活动照片.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
