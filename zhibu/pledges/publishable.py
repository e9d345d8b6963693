"""What the pledges ledger offers the 党务公开 board: the period's pledges (亮承诺, one draft for the
branch's and one for the members') and the duties in force (亮职责) — names and posts only, never a
contact detail. The board turns a chosen draft into its own draft item, which the secretary edits
and publishes."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import publishable
from zhibu.core.registries.publishable import Draft

from . import selectors
from .models import Scope


def _pledge_lines(pledge, items) -> list[str]:
    who = pledge.person.name if pledge.person_id else pledge.organisation.name
    head = f"{who}（{pledge.identity}）" if pledge.identity else who
    lines = [f"{head}：{pledge.title}"]
    lines += [
        _("%(n)d. %(what)s（%(due)s前完成）") % {"n": n, "what": i.content, "due": i.due_on.isoformat()}
        for n, i in enumerate(items, 1)
    ]
    return lines


@publishable.register("pledges.pledges", label=_l("公开承诺"), perm="pledges.view", kind="pledge")
def pledges(org: Organisation, period: Period) -> list[Draft]:
    """Two queries: the pledges in force in the period, and all their items."""
    found = list(selectors.pledges_in_force(org, period).select_related("organisation"))
    if not found:
        return []
    items: dict[int, list] = {}
    for item in selectors.items_of_pledges([p.pk for p in found]):
        items.setdefault(item.pledge_id, []).append(item)
    drafts = []
    for scope, title in ((Scope.BRANCH, _("党支部公开承诺")), (Scope.MEMBER, _("党员公开承诺"))):
        chosen = [p for p in found if p.scope == scope]
        if not chosen:
            continue
        body = "\n\n".join("\n".join(_pledge_lines(p, items.get(p.pk, []))) for p in chosen)
        source = "pledges.pledge:" + ",".join(str(p.pk) for p in chosen)
        drafts.append(Draft(title=f"{title}（{period.label}）", body=body, kind="pledge", source=source))
    return drafts


@publishable.register("pledges.duties", label=_l("岗位职责"), perm="pledges.view", kind="duty")
def duties(org: Organisation, period: Period) -> list[Draft]:
    found = list(selectors.duty_list(org, period=period))
    if not found:
        return []
    body = "\n\n".join(
        f"{d.person.name if d.person_id else d.organisation.name}（{d.post}）：{d.content}" for d in found
    )
    source = "pledges.duty:" + ",".join(str(d.pk) for d in found)
    return [Draft(title=_("岗位职责（%(p)s）") % {"p": period.label}, body=body, kind="duty", source=source)]
