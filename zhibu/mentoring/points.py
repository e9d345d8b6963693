"""What the mentoring ledger offers the points registry (积分): a tutoring session (a log entry) by
the mentor. Only mentoring reads mentoring rows, so the fact is built here; its title is the bare
"包教辅导" — never the student, not even the pseudonym, and never the log's text."""

from django.db.models import F, Value
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import points

from .models import MentoringLog


@points.register("mentoring.session", label=_("包教辅导"), url="mentoring:log")
def session(org_ids, start, end):
    return MentoringLog.objects.filter(organisation__in=org_ids, on__range=(start, end)).values(
        person_id=F("case__mentor_id"), day=F("on"), record_id=F("pk"), title=Value(gettext("包教辅导"))
    )
