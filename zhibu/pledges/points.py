"""积分 facts from the pledges ledger: one fact per item closed (销号), for its pledger (the member,
or the committee member carrying a branch's item), on its closing day. One query."""

from __future__ import annotations

from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import points

from .models import PledgeItem


@points.register("pledges.item_closed", label=_("承诺事项销号"), url="pledges:item")
def item_closed(org_ids, start, end):
    return (
        PledgeItem.objects.filter(organisation_id__in=org_ids, closed_on__range=(start, end))
        .annotate(
            person_id=Coalesce("pledge__person_id", "responsible_id"),
            day=F("closed_on"),
            record_id=F("pk"),
            title=Concat(Value(str(_("承诺事项销号："))), "content", output_field=CharField()),
        )
        .filter(person_id__isnull=False)
        .order_by("closed_on", "pk")
        .values("person_id", "day", "record_id", "title")
    )
