"""What the care ledger offers the points registry (积分): a visit made, one fact per visitor. The
title never says who was visited (a staff member's illness, a family's hardship)."""

from django.db.models import F, Value
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import points

from .models import CareVisit

VISITORS = CareVisit.visitors.through


@points.register("care.visited", label=_("走访慰问"), url="care:visit")
def visited(org_ids, start, end):
    return VISITORS.objects.filter(
        carevisit__organisation__in=org_ids, carevisit__visited_on__range=(start, end)
    ).values(
        "person_id",
        day=F("carevisit__visited_on"),
        record_id=F("carevisit_id"),
        title=Value(gettext("走访慰问")),
    )
