"""The committee's paragraph in the membership part: the 换届 and 补选 of the period, each number a
figure reference (the elections and the people elected link to their records)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

from .models import Kind

sections.label_ledger("elections", _l("支部委员会"))
sections.remedy("elections.term_due", _l("严格执行任期制度，按期召开支部党员大会进行换届选举。"))


@sections.register("elections.committee", part="basic", title=_l("健全支部委员会，按期换届补选"), order=11)
def committee(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    regular = ctx.value("elections.regular").value
    by = ctx.value("elections.by_elections").value
    if not regular and not by:
        return []
    parts = []
    if regular:
        parts.append(
            _("召开支部党员大会换届选举%(n)s，选举产生支部委员%(p)s")
            % {"n": fig("elections.regular"), "p": fig("elections.elected", kind=Kind.REGULAR.value)}
        )
    if by:
        parts.append(
            _("届中补选%(n)s，补选支部委员%(p)s")
            % {"n": fig("elections.by_elections"), "p": fig("elections.elected", kind=Kind.BY_ELECTION.value)}
        )
    scope = _("本周") if ctx.document == "weekly" else _("本期间")
    return [Para(scope + "，".join(parts) + _("，支部委员会保持健全。"))]
