"""Roster rule checks."""

from collections.abc import Iterator
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.models import Organisation, PartyStatus, Person
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

DEVELOPMENT_WINDOW_YEARS = 2


@findings.register("people.no_development", label=_l("近两年未发展党员"), severity="warning")
def no_development(org: Organisation, period: Period) -> Iterator[Finding]:
    """The seed's own weakness: "组织发展近两年没有". Read from the dated status history; three
    queries over the whole subtree, whatever the number of branches."""
    end = period.end
    try:
        start = end.replace(year=end.year - DEVELOPMENT_WINDOW_YEARS)
    except ValueError:  # 29 February
        start = date(end.year - DEVELOPMENT_WINDOW_YEARS, 2, 28)
    under = branches.under(org)
    if not under:
        return
    developed = set(
        selectors.status_changes(org, PartyStatus.PROBATIONARY, start, end)
        .select_related(None)
        .order_by()
        .values_list("organisation", flat=True)
        .distinct()
    )
    developing = {b.pk for org_id in developed for b in under.containing(org_id)}
    activists = under.group(
        Person.objects.filter(
            organisation__in=org.subtree(), party_status__in=[PartyStatus.ACTIVIST, PartyStatus.CANDIDATE]
        ).order_by("pk"),
        lambda p: p.organisation_id,
    )
    for branch in under:
        if branch.pk in developing:
            continue
        found = activists.get(branch.pk, [])
        yield Finding(
            _("%(org)s近两年没有发展党员，积极分子培养有待加强（现有积极分子、发展对象%(n)d人）")
            % {"org": branch.name, "n": len(found)},
            evidence=found,
            organisation=branch,
        )


@findings.register("people.no_secretary", label=_l("支部书记空缺"), severity="critical")
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
