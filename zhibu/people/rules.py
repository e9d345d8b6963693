"""Roster rule checks."""

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

findings.practice("organisation", label=_l("支部班子建设"), weakness=_l("支部班子建设还需加强"), order=10)
findings.practice("management", label=_l("党员日常管理"), weakness=_l("党员日常教育管理还不够细致"), order=80)

# "No one developed in N years" is development's rule (development.no_development): it reads the
# same dated history, with the branch's own N and the pipeline as its evidence.


@findings.register(
    "people.no_secretary",
    label=_l("支部书记空缺"),
    severity="critical",
    practice="organisation",
    summary=_l("支部书记职务空缺"),
)
def no_secretary(org: Organisation, period: Period) -> Iterator[Finding]:
    under = branches.under(org)
    if not under:
        return
    filled = set(
        selectors.committees_on(under.ids, period.end)
        .filter(post="secretary")
        .values_list("organisation", flat=True)
    )
    for branch in under:
        if branch.pk not in filled:
            yield Finding(_("%(org)s书记职务空缺") % {"org": branch.name}, organisation=branch)
