"""The seed summary's two qualitative weaknesses, made computable:

- 活动载体少、形式单一: the distinct kinds of 组织生活 and 集中学习 held in the period (meeting
  types, study forms) fall below the branch's minimum (default 4), or two or more below the
  period of the same length before;
- 少数人认识不高、走形式: serving members (not retired: they are excused) whose attendance at the
  period's meetings falls below the branch's minimum rate (default 60 %), as a count.

Both judge periods of a term or more (a month has too few meetings to say either) and read the
thresholds from StudySettings. A fixed number of grouped queries over the whole subtree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.lean import lean
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding
from zhibu.core.strokes import name_sort_key
from zhibu.meetings import selectors as meeting_selectors

from . import selectors
from .models import StudyForm

# A term is about 20 weeks; shorter periods (a week, a month) are not judged.
JUDGED_DAYS = 90
# "below the period before" means by this many kinds at least: one kind fewer of a dozen is chance.
FEWER_BY = 2
# A member with fewer expected attendances than this in the period is not judged by rate.
MIN_EXPECTED = 3

findings.practice("activities", label=_l("活动载体"), weakness=_l("活动载体少，形式单一"), order=35)
findings.practice(
    "engagement",
    label=_l("党员参与"),
    weakness=_l("少数党员认识不高，参加组织生活不够积极，存在走形式现象"),
    order=36,
)


def kinds_by_branch(org: Organisation, period: Period) -> dict[int, set[str]]:
    """{branch id: the names of the kinds held}: meeting types and study forms, two queries."""
    under = branches.under(org)
    kinds: dict[int, set[str]] = defaultdict(set)
    held = (
        meeting_selectors.held_in(org, period)
        .order_by()
        .values_list("organisation", "types__name")
        .distinct()
    )
    forms = dict(StudyForm.choices)
    studied = (
        selectors.sessions_of(org, period.start, period.end)
        .order_by()
        .values_list("organisation", "form")
        .distinct()
    )
    for org_id, name in [*held, *((o, str(forms.get(f, f))) for o, f in studied)]:
        if name:
            for branch in under.containing(org_id):
                kinds[branch.pk].add(name)
    return kinds


@findings.register(
    "study.few_activity_kinds",
    label=_l("活动载体少、形式单一"),
    severity="info",
    practice="activities",
    summary={
        "": _l("本期间只开展了%(n)s种组织生活和学习活动"),
        "fewer": _l("组织生活和学习活动减少到%(n)s种"),
    },
    measure="evidence",
)
def few_activity_kinds(org: Organisation, period: Period) -> Iterator[Finding]:
    if period.days < JUDGED_DAYS:
        return
    under = branches.under(org)
    if not under:
        return
    before = Period.span(period.start - timedelta(days=period.days), period.start - timedelta(days=1))
    now, then = kinds_by_branch(org, period), kinds_by_branch(org, before)
    settings = selectors.settings_by_org(under.branches)
    for branch in under:
        held, least = now.get(branch.pk, set()), settings[branch.pk].min_activity_kinds
        previous = then.get(branch.pk, set())
        if not held:
            continue  # a branch with no record at all is told by the cadence rules
        if len(held) < least:
            message = _("%(org)s本期间开展的组织生活和学习活动只有%(n)d种（%(kinds)s），少于%(least)d种")
            variant = ""
        elif len(previous) - len(held) >= FEWER_BY:
            message = _(
                "%(org)s本期间开展的组织生活和学习活动只有%(n)d种（%(kinds)s），比上一期间少%(less)d种"
            )
            variant = "fewer"
        else:
            continue
        yield Finding(
            message
            % {
                "org": branch.name,
                "n": len(held),
                "kinds": "、".join(sorted(held)),
                "least": least,
                "less": len(previous) - len(held),
            },
            evidence=sorted(held),
            organisation=branch,
            fact={"variant": variant} if variant else {},
        )


@findings.register(
    "study.low_participation",
    label=_l("党员参加组织生活出席率偏低"),
    severity="warning",
    practice="engagement",
    summary=_l("%(n)s名党员参加组织生活出席率低于%(rate)s%%"),
    measure="evidence",
)
def low_participation(org: Organisation, period: Period) -> Iterator[Finding]:
    """Per branch: the members whose present / expected rows at the period's meetings fall below
    the branch's minimum rate (列席 guests and members expected fewer than three times apart)."""
    if period.days < JUDGED_DAYS:
        return
    under = branches.under(org)
    if not under:
        return
    rows = meeting_selectors.member_attendance(org, period)
    settings = selectors.settings_by_org(under.branches)
    low: dict[int, list[int]] = defaultdict(list)
    for org_id, person_id, retired, expected, present in rows:
        # retired members are excused from most meetings (请假): their rate says nothing here
        if retired or expected < MIN_EXPECTED:
            continue
        for branch in under.containing(org_id):
            if present * 100 < settings[branch.pk].min_attendance_rate * expected:
                low[branch.pk].append(person_id)
    if not low:
        return
    people = lean(Person.objects.all()).in_bulk([pk for pks in low.values() for pk in pks])
    for branch in under:
        if branch.pk not in low:
            continue
        rate = settings[branch.pk].min_attendance_rate
        members = sorted(
            {people[pk] for pk in low[branch.pk] if pk in people}, key=lambda p: name_sort_key(p.name)
        )
        yield Finding(
            _("%(org)s有%(n)d名党员参加组织生活出席率低于%(rate)d%%：%(names)s")
            % {
                "org": branch.name,
                "n": len(members),
                "rate": rate,
                "names": "、".join(p.name for p in members),
            },
            evidence=members,
            organisation=branch,
            fact={"rate": str(rate)},
        )
