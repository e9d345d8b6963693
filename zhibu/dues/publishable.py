"""What the 党务公开 board may publish from the dues ledger: the branch's 党费收缴情况 for a period —
totals only (应交, 实收, 自愿多交, how many in arrears), never a member's base, payment or name."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, publishable


@publishable.register("dues.collection", label=_l("党费收缴情况"), perm="dues.records", kind="implementation")
def collection(org: Organisation, period: Period) -> list[publishable.Draft]:
    due = figures.compute("dues.due", org, period).value
    collected = figures.compute("dues.collected", org, period).value
    if not (due or collected):
        return []
    voluntary = figures.compute("dues.voluntary", org, period).value
    arrears = figures.compute("dues.members_in_arrears", org, period).value
    body = _(
        "%(p)s，%(org)s党员应交党费%(d)s元，实收%(c)s元，党员自愿多交党费%(v)s元；截至期末欠交党费的党员%(a)s人。"
    ) % {
        "p": period.label,
        "org": org.name,
        "d": due,
        "c": collected,
        "v": voluntary,
        "a": arrears,
    }
    return [
        publishable.Draft(
            title=_("%(p)s党费收缴情况") % {"p": period.label},
            body=body,
            kind="implementation",
            source=f"dues.collection:{org.pk}",
        )
    ]
