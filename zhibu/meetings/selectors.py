"""Reads of the meetings ledger, for its own views and for other ledgers (study, mentoring)."""

from django.db.models import QuerySet

from .models import Attendance, Meeting


def attendance_for(meetings: QuerySet[Meeting]) -> QuerySet[Attendance]:
    """Attendance rows of the given meetings (other ledgers read attendance only through here)."""
    return Attendance.objects.filter(meeting__in=meetings).select_related("person")
