"""Pledges and their items in the search box, for whoever reads the branch's pledges (pledges.view);
the pledger's name is in the title, so "刘丹" finds her pledge."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Duty, Pledge, PledgeItem

LABEL = _("承诺台账")


@search.register(
    "pledges.pledges",
    model=Pledge,
    label=LABEL,
    perm="pledges.view",
    rows=lambda: Pledge.objects.select_related("person", "organisation"),
    order=70,
)
def pledge_document(pledge: Pledge) -> search.Doc:
    return search.Doc(
        title=str(pledge),
        text="\n".join(p for p in (pledge.identity, pledge.note) if p),
        day=pledge.starts_on,
    )


@search.register(
    "pledges.items",
    model=PledgeItem,
    label=LABEL,
    perm="pledges.view",
    rows=lambda: PledgeItem.objects.select_related("pledge__person", "pledge__organisation"),
    follows={"pledges.pledge": lambda pledge: pledge.items.all()},
    order=71,
)
def item_document(item: PledgeItem) -> search.Doc:
    return search.Doc(title=item.content, text=item.pledge.pledger_name, day=item.due_on)


@search.register(
    "pledges.duties",
    model=Duty,
    label=_("岗位职责"),
    perm="pledges.view",
    rows=lambda: Duty.objects.select_related("person", "organisation"),
    order=72,
)
def duty_document(duty: Duty) -> search.Doc:
    return search.Doc(title=str(duty), text=duty.content, day=duty.starts_on)
