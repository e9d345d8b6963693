"""What the meetings ledger offers the points registry (积分): a member present at a meeting that
was held. One query for every branch; the appraisal app's rules turn the facts into points."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from zhibu.core.lean import local_date
from zhibu.core.models import AttendanceStatus
from zhibu.core.registries import points

from .models import Attendance


@points.register("meetings.attended", label=_("参加组织生活"), url="meetings:detail")
def attended(org_ids, start, end):
    day = local_date("meeting__held_at")  # the local day, as the meetings figures place a meeting
    return (
        Attendance.objects.annotate(day=day)
        .filter(
            organisation__in=org_ids,
            status=AttendanceStatus.PRESENT,
            meeting__held=True,
            day__range=(start, end),
        )
        .values("person_id", "day", record_id=F("meeting_id"), title=F("meeting__topic"))
    )
