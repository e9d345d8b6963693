"""Shared builders for the meetings tests (and the permission matrix)."""

from __future__ import annotations

import struct
import zlib
from datetime import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

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
    return services.meeting_create(
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
        check_permission=False,
    )


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real, minimal PNG (so tests never depend on an image library)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_upload(name: str = "活动照片.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
