"""Dues findings: six consecutive months unpaid (党章: a member who without good reason pays no
dues for six months in a row is regarded as having given up membership — the branch must act).

Nine queries over the whole subtree whatever its size: the branches, who may owe (two), then
the dues book's six — of those people alone when they are few."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding
from zhibu.people import selectors as people_selectors

from . import book

RUN = 6
# Beyond this many people who may owe (book.unpaid_candidates), the rule reads the whole book —
# shared within a unit of work with the dues figures — rather than a second book of a long list
# of ids (a list that long has no place in a query's parameters either).
CANDIDATES = 2000


@findings.register(
    "dues.six_months_unpaid",
    label=_l("党员连续六个月未交纳党费"),
    severity="warning",
    records_perm="dues.records",
    practice="management",
    summary=_l("%(n)s名党员连续六个月未交纳党费"),
)
def six_months_unpaid(org: Organisation, period: Period) -> Iterator[Finding]:
    cutoff = book.last_ended(period.end)
    if cutoff is None or book.month_end(cutoff) < period.start:
        return
    under = branches.under(org)
    if not under:
        return
    # A run ending in the period has its last month there, due and without a payment: the book of
    # the people with such a month is enough (a city's book of every member is most of the rule).
    candidates = book.unpaid_candidates(org, period.start, cutoff)
    if not candidates:
        return
    people = (
        people_selectors.people_of(org).filter(pk__in=candidates) if len(candidates) <= CANDIDATES else None
    )
    for member in book.build(org, book.through(period.end), people=people, cutoff=cutoff):
        for run in member.unpaid_runs():
            last = run[-1].month
            if len(run) < RUN or book.month_end(last) < period.start:
                continue
            for branch in under.containing(member.person.organisation_id):
                yield Finding(
                    _("%(org)s 党员%(name)s自%(a)s至%(b)s连续%(n)d个月未交纳党费")
                    % {
                        "org": branch.name,
                        "name": member.person.name,
                        "a": run[0].label,
                        "b": run[-1].label,
                        "n": len(run),
                    },
                    evidence=[member.person],
                    organisation=branch,
                )
