"""Writes to the meetings ledger: meetings, attendance, votes, attachments (meetings.py), and the
branch's meeting types and the cadence rules (cadence.py)."""

from .cadence import cadence_rule_set, meeting_type_create
from .history import history_enter
from .meetings import (
    LATE_AFTER_DAYS,
    attachment_add,
    attendance_add,
    attendance_fill,
    attendance_set,
    attendance_toggle,
    expected_attendees,
    meeting_add,
    meeting_create,
    meeting_update,
    vote_record,
)

__all__ = [
    "LATE_AFTER_DAYS",
    "attachment_add",
    "attendance_fill",
    "attendance_add",
    "attendance_set",
    "attendance_toggle",
    "cadence_rule_set",
    "expected_attendees",
    "history_enter",
    "meeting_add",
    "meeting_create",
    "meeting_type_create",
    "meeting_update",
    "vote_record",
]
