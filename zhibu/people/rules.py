"""Roster rule checks."""

from collections.abc import Iterator
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation, PartyStatus, Person
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

DEVELOPMENT_WINDOW_YEARS = 2


def _branches(org: Organisation):
    return org.subtree().filter(kind=Organisation.Kind.BRANCH)


@findings.register("people.no_development", label=_l("近两年未发展党员"), severity="warning")
def no_development(org: Organisation, period: Period) -> Iterator[Finding]:
    """The seed's own weakness: "组织发展近两年没有". Read from the dated status history."""
    end = period.end
    try:
        start = end.replace(year=end.year - DEVELOPMENT_WINDOW_YEARS)
    except ValueError:  # 29 February
        start = date(end.year - DEVELOPMENT_WINDOW_YEARS, 2, 28)
    for branch in _branches(org):
        if selectors.status_changes(branch, PartyStatus.PROBATIONARY, start, end).exists():
            continue
        activists = Person.objects.filter(
            organisation__in=branch.subtree(), party_status__in=[PartyStatus.ACTIVIST, PartyStatus.CANDIDATE]
        )
        yield Finding(
            _("%(org)s近两年没有发展党员，积极分子培养有待加强（现有积极分子、发展对象%(n)d人）")
            % {"org": branch.name, "n": activists.count()},
            evidence=list(activists),
            organisation=branch,
        )


@findings.register("people.no_secretary", label=_l("支部书记空缺"), severity="critical")
def no_secretary(org: Organisation, period: Period) -> Iterator[Finding]:
    for branch in _branches(org):
        if not selectors.committee_on(branch, period.end).filter(post="secretary").exists():
            yield Finding(_("%(org)s书记职务空缺") % {"org": branch.name}, organisation=branch)
