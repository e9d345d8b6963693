"""What the service ledger offers the points registry (积分): a volunteer service taken part in and
a 义务补课 session given. One query per source for every branch."""

from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import points

from .models import Participation, TutoringSession


@points.register("service.volunteered", label=_("参加志愿服务"), url="service:event")
def volunteered(org_ids, start, end):
    return Participation.objects.filter(organisation__in=org_ids, event__held_on__range=(start, end)).values(
        "person_id", day=F("event__held_on"), record_id=F("event_id"), title=F("event__title")
    )


@points.register("service.tutored", label=_("义务补课"), url="service:tutoring_session")
def tutored(org_ids, start, end):
    return TutoringSession.objects.filter(organisation__in=org_ids, held_on__range=(start, end)).values(
        person_id=F("tutor_id"),
        day=F("held_on"),
        record_id=F("pk"),
        title=Concat(Value(gettext("义务补课：")), F("subject")),
    )
