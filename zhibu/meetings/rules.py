"""Meetings rule checks: missed cadence periods, records entered late, 党员大会 without quorum."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import obligations, quorum, selectors

PRACTICE = "meetings"
PLAN_LEAD = _l("严格落实“三会一课”制度")
findings.practice(PRACTICE, label=_l("“三会一课”"), weakness=_l("“三会一课”执行还不够严格"), order=20)
# "有2个月未按期召开": the unit a missed slot is counted in
SLOT_UNITS = {"week": _l("周"), "month": _l("个月"), "quarter": _l("个季度"), "year": _l("年")}


def _prefix(target: Organisation, org: Organisation) -> str:
    return "" if target.pk == org.pk else target.name


@findings.register(
    "meetings.cadence_missed",
    label=_l("未按规定周期召开会议"),
    severity="warning",
    practice=PRACTICE,
    summary=_l("%(type)s有%(n)s%(unit)s未按期召开"),
)
def cadence_missed(org: Organisation, period: Period) -> Iterator[Finding]:
    """One finding per missed period per type, e.g. "支委会2023年5月未召开"."""
    for obligation, slot in obligations.missed(org, period):
        held = len(slot.meetings)
        detail = _("（应召开%(n)d次，实际%(h)d次）") % {"n": slot.rule.times, "h": held} if held else ""
        yield Finding(
            _("%(org)s%(type)s%(period)s未召开%(detail)s")
            % {
                "org": _prefix(obligation.organisation, org),
                "type": obligation.meeting_type.name,
                "period": slot.label,
                "detail": detail,
            },
            evidence=list(slot.meetings),
            organisation=obligation.organisation,
            period=slot.period,
            fact={"type": obligation.meeting_type.name, "unit": str(SLOT_UNITS[slot.rule.every])},
        )


@findings.register(
    "meetings.late_records",
    label=_l("会议记录事后补录"),
    severity="info",
    practice=PRACTICE,
    summary=_l("%(n)s次会议记录事后补录"),
    measure="evidence",
)
def late_records(org: Organisation, period: Period) -> Iterator[Finding]:
    by_org: dict[int, list] = defaultdict(list)
    for meeting in selectors.late_in(org, period).select_related("organisation"):
        by_org[meeting.organisation_id].append(meeting)
    for meetings in by_org.values():
        target = meetings[0].organisation
        yield Finding(
            _("%(org)s有%(n)d次会议记录在会后%(d)d天以上才录入（补录），请及时记录")
            % {"org": target.name, "n": len(meetings), "d": 7},
            evidence=meetings,
            organisation=target,
        )


@findings.register(
    "meetings.low_attendance",
    label=_l("党员大会到会人数未过半数"),
    severity="critical",
    practice=PRACTICE,
    summary=_l("%(n)s次支部党员大会到会人数未过半数"),
)
def low_attendance(org: Organisation, period: Period) -> Iterator[Finding]:
    meetings = list(selectors.held_in(org, period, quorum.GENERAL).select_related("organisation"))
    results = quorum.quorums(meetings)
    for meeting in meetings:
        q = results[meeting.pk]
        if q.reached:
            continue
        yield Finding(
            _("%(day)s支部党员大会“%(topic)s”：%(text)s，会议决定无效")
            % {"day": cn_date(selectors.local_day(meeting.held_at)), "topic": meeting.topic, "text": q.text},
            evidence=[meeting],
            organisation=meeting.organisation,
        )
