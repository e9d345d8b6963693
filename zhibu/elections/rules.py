"""Election findings: a committee term ending within three months ("支委会将于……届满，请按期换届")
or already past its end without a 换届. Judged on the period's last day (today for a period still
running). Three queries over any subtree: the branches, the terms running that day, their
elections (for the term's length; a term recorded without one runs the branch's 3 years)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding
from zhibu.people import selectors as people_selectors

from . import selectors

WARN_MONTHS = 3
DEFAULT_YEARS = 3


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return date(day.year + years, 3, 1)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def term_end(started_on: date, years: int) -> date:
    """The last day of a term of `years` from `started_on` (2020-09-01, 3 → 2023-08-31)."""
    return _add_years(started_on, years) - timedelta(days=1)


@findings.register(
    "elections.term_due",
    label=_l("支委会任期届满"),
    severity="warning",
    practice="organisation",
    summary={"": _l("支委会任期即将届满，需按期换届"), "overdue": _l("支委会任期已届满，尚未换届")},
)
def term_due(org: Organisation, period: Period) -> Iterator[Finding]:
    day = min(period.end, timezone.localdate())
    under = branches.under(org)
    if not under:
        return
    terms = list(people_selectors.terms_running_on(under.ids, day).order_by("organisation", "-started_on"))
    elections = selectors.regular_elections_for([t.pk for t in terms])
    seen: set[int] = set()
    by_pk = {b.pk: b for b in under}
    for term in terms:
        branch = by_pk.get(term.organisation_id)
        if branch is None or branch.pk in seen:
            continue
        seen.add(branch.pk)
        election = elections.get(term.pk)
        ends = term_end(term.started_on, election.term_years if election else DEFAULT_YEARS)
        evidence = [election] if election else []
        if ends < day:
            yield Finding(
                _("%(org)s支委会任期已于%(day)s届满，请尽快换届")
                % {"org": branch.name, "day": cn_date(ends)},
                evidence=evidence,
                organisation=branch,
                fact={"variant": "overdue"},
            )
        elif ends <= _add_months(day, WARN_MONTHS):
            yield Finding(
                _("%(org)s支委会将于%(day)s届满，请按期换届") % {"org": branch.name, "day": cn_date(ends)},
                evidence=evidence,
                organisation=branch,
            )
