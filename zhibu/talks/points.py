"""积分: a talk counts for its talker (the committee member), one fact per talk. The title names no
one talked with and no topic: the explanation line is read by whoever sees the points."""

from django.db.models import CharField, F, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import points

from .models import Talk


@points.register("talks.held", label=_("谈心谈话"), url="talks:talk")
def held(org_ids, start, end) -> QuerySet:
    return (
        Talk.objects.filter(organisation__in=org_ids, held_on__range=(start, end))
        .order_by("held_on", "pk")
        .values(
            person_id=F("talker_id"),
            day=F("held_on"),
            record_id=F("pk"),
            title=Value("谈心谈话", output_field=CharField()),
        )
    )
