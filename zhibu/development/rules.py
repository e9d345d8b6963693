"""Development findings: an applicant not talked to within a month, an activist without a 考察 in
six months (both by the rules in force, from the pipeline's steps), a probationary member due for
转正, and a branch that developed no one in its window (N years, a branch setting, default 2) — the
seed's own weakness, with the pipeline as its evidence. Each runs a fixed number of queries over the
whole subtree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches, memo
from zhibu.core.lean import lean
from zhibu.core.models import Organisation, PartyStatus
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import intervals, selectors
from .models import DevelopmentSettings, Step

findings.practice("development", label=_l("组织发展"), weakness=_l("组织发展工作抓得不紧"), order=40)

VIEW = "development.view"
YEARS = "零一两三四五六七八九十"


def _judged_on(period: Period) -> date:
    return min(period.end, timezone.localdate())


def _overdue(org: Organisation, period: Period, step: str, message: str) -> Iterator[Finding]:
    """People whose next `step` was due before the day judged (the period's end, or today) and is
    not on file — by the rules in force on that day."""
    day = _judged_on(period)
    under = branches.under(org)
    if not under:
        return
    late = [(person, nxt) for person, nxt in _past_due(org, day) if nxt.step == step]
    for branch, rows in under.group(late, lambda row: row[0].organisation_id).items():
        org_of = next(b for b in under if b.pk == branch)
        for person, nxt in rows:
            yield Finding(
                message
                % {
                    "org": org_of.name,
                    "name": person.name,
                    "due": cn_date(nxt.due),
                    "source": nxt.rule.source if nxt.rule else "",
                },
                evidence=[person],
                organisation=org_of,
            )


@memo.shared
def _past_due(org: Organisation, day: date) -> list[tuple]:
    """(person, next step) of every step due before `day` and not on file: both overdue rules read
    the pipeline's steps of the whole subtree, once per draft or stored page."""
    book = selectors.rulebook()
    return [
        (steps[0].person, nxt)
        for steps in selectors.open_steps(org, day).values()
        for nxt in intervals.next_steps(book, steps, day)
        if nxt.due is not None and nxt.due < day
    ]


@findings.register(
    "development.talk_overdue",
    label=_l("入党申请人一个月内未谈话"),
    severity="warning",
    records_perm=VIEW,
    practice="development",
    summary=_l("%(n)s名入党申请人未在一个月内谈话"),
)
def talk_overdue(org: Organisation, period: Period) -> Iterator[Finding]:
    yield from _overdue(
        org,
        period,
        Step.TALK,
        _("%(org)s入党申请人%(name)s应在%(due)s前由党组织派人谈话，至今未谈话。依据：%(source)s"),
    )


@findings.register(
    "development.review_overdue",
    label=_l("入党积极分子半年未考察"),
    severity="warning",
    records_perm=VIEW,
    practice="development",
    summary=_l("%(n)s名入党积极分子超过半年未考察"),
)
def review_overdue(org: Organisation, period: Period) -> Iterator[Finding]:
    yield from _overdue(
        org,
        period,
        Step.REVIEW,
        _("%(org)s入党积极分子%(name)s应在%(due)s前进行半年一次的考察，至今未考察。依据：%(source)s"),
    )


@findings.register(
    "development.confirmation_due",
    label=_l("预备党员预备期满待转正"),
    severity="warning",
    practice="development",
    summary=_l("%(n)s名预备党员预备期满未及时讨论转正"),
    measure="evidence",
)
def confirmation_due(org: Organisation, period: Period) -> Iterator[Finding]:
    day = _judged_on(period)
    under = branches.under(org)
    if not under:
        return
    due = selectors.probation_due(org, day)
    grouped = under.group(due, lambda p: p.organisation_id)
    for branch in under:
        people = grouped.get(branch.pk, [])
        if people:
            yield Finding(
                _("%(org)s预备党员%(names)s预备期已满，应及时讨论能否转为正式党员")
                % {
                    "org": branch.name,
                    "names": "、".join(f"{p.name}（{cn_date(p.probation_ends)}期满）" for p in people),
                },
                evidence=people,
                organisation=branch,
            )


def _years(n: int) -> str:
    return YEARS[n] if n < len(YEARS) else str(n)


def _start(end: date, years: int) -> date:
    try:
        return end.replace(year=end.year - years)
    except ValueError:  # 29 February
        return date(end.year - years, 2, 28)


@findings.register(
    "development.no_development",
    label=_l("近年未发展党员"),
    severity="warning",
    practice="development",
    summary=_l("近%(years)s年没有发展党员，积极分子培养还需加强"),
)
def no_development(org: Organisation, period: Period) -> Iterator[Finding]:
    """The seed's own weakness: "组织发展近两年没有". Judged from the dated status history the steps
    write; the evidence is the pipeline — who stands in it, waiting to be developed. Four queries
    over the whole subtree, whatever the number of branches."""
    end = period.end
    under = branches.under(org)
    if not under:
        return
    windows = selectors.window_years_by_org(under.ids)
    longest = max([DevelopmentSettings.DEFAULT_WINDOW_YEARS, *windows.values()])
    developed: dict[int, list[date]] = {}
    for org_id, since in selectors.developed_branches(org, _start(end, longest), end):
        for branch in under.containing(org_id):
            developed.setdefault(branch.pk, []).append(since)
    # (lean: the pipeline's people are counted and named, their encrypted ID numbers never read)
    standing = under.group(lean(selectors.pipeline_standing(org)), lambda p: p.organisation_id)
    for branch in under:
        years = windows.get(branch.pk, DevelopmentSettings.DEFAULT_WINDOW_YEARS)
        start = _start(end, years)
        if any(start <= since <= end for since in developed.get(branch.pk, [])):
            continue
        found = standing.get(branch.pk, [])
        counts = {s: sum(1 for p in found if p.party_status == s) for s in selectors.PIPELINE_STATUSES}
        yield Finding(
            _(
                "%(org)s近%(n)s年没有发展党员，积极分子培养有待加强（发展党员纪实：现有入党申请人%(a)d人、"
                "入党积极分子%(b)d人、发展对象%(c)d人）"
            )
            % {
                "org": branch.name,
                "n": _years(years),
                "a": counts[PartyStatus.APPLICANT],
                "b": counts[PartyStatus.ACTIVIST],
                "c": counts[PartyStatus.CANDIDATE],
            },
            evidence=found,
            organisation=branch,
            fact={"years": _years(years)},
        )
