"""Pledge findings: items past their deadline and not closed (逾期未销号), one finding per branch
listing them, the items as evidence. Two queries whatever the subtree: the branches, the items."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.lean import lean
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

findings.practice("pledges", label=_l("承诺践诺"), weakness=_l("承诺践诺还不够到位"), order=95)

SHOWN = 3  # items named in the message; the evidence lists them all


def describe(item) -> str:
    who = (
        item.pledge.person.name
        if item.pledge.person_id
        else (item.responsible.name if item.responsible_id else "")
    )
    return _("%(who)s“%(what)s”（时限%(due)s）") % {
        "who": who,
        "what": item.content,
        "due": item.due_on.isoformat(),
    }


@findings.register(
    "pledges.item_overdue",
    label=_l("承诺事项逾期未销号"),
    severity="warning",
    practice="pledges",
    summary=_l("%(n)s项承诺事项逾期未销号"),
    measure="evidence",
)
def item_overdue(org: Organisation, period: Period) -> Iterator[Finding]:
    items = list(lean(selectors.items_overdue(org, period)))
    if not items:
        return
    under = branches.under(org)
    by_branch = under.group(items, lambda i: i.organisation_id)
    for branch in under:
        late = by_branch.get(branch.pk, [])
        if not late:
            continue
        named = "；".join(describe(i) for i in late[:SHOWN])
        more = _("等") if len(late) > SHOWN else ""
        yield Finding(
            _("%(org)s有%(n)d项承诺事项已过完成时限仍未销号：%(items)s%(more)s")
            % {"org": branch.name, "n": len(late), "items": named, "more": more},
            evidence=late,
            organisation=branch,
        )
