"""The meetings ledger's paragraphs for the weekly, monthly and annual documents, and the
obligations it contributes to "next period" plans. Numbers are figure references, never counts
computed here, so every number in a document links to the meetings behind it."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Obligation, Para, SectionContext, fig

from . import obligations as calendar
from .rules import PLAN_LEAD, PRACTICE

sections.label_ledger("meetings", _l("组织生活"))
sections.remedy(
    "meetings.cadence_missed", _l("严格落实“三会一课”制度，按规定周期召开支委会、党员大会等会议。")
)
sections.remedy("meetings.late_records", _l("会议记录做到会后及时整理录入，确保台账真实、完整、及时。"))
sections.remedy(
    "meetings.low_attendance",
    _l("提前通知、严格请假制度，确保党员大会到会人数超过应到会有表决权党员的半数。"),
)

# Meetings "召开" (held), then the other forms, in the order a secretary writes them.
HELD_PARTS = (
    ("meetings.general_meetings", _l("支部党员大会")),
    ("meetings.committee_meetings", _l("支委会")),
    ("meetings.group_meetings", _l("党小组会")),
    ("meetings.org_life_meetings", _l("组织生活会")),
)
OTHER_PARTS = (
    ("meetings.party_lectures", _l("讲党课")),
    ("meetings.theme_days", _l("开展主题党日")),
)


WEEKLY_EXTRA = (("meetings.theory_group_sessions", _l("中心组集中学习")),)


def _listing(ctx: SectionContext, extra=()) -> str:
    """ "召开支部党员大会9次、支委会21次，讲党课9次，开展主题党日23次" — zero counts left out."""
    held = "、".join(f"{label}{fig(code)}" for code, label in HELD_PARTS if ctx.value(code).value)
    phrases = [_("召开") + held] if held else []
    phrases += [f"{label}{fig(code)}" for code, label in (*OTHER_PARTS, *extra) if ctx.value(code).value]
    return "，".join(phrases)


@sections.register("meetings.practice", part="basic", title=_l("坚持“三会一课”，严格党的组织生活"), order=20)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        if not ctx.value("meetings.held").value:
            return []
        listing = _listing(ctx, WEEKLY_EXTRA) or _("召开会议%(n)s") % {"n": fig("meetings.held")}
        return [Para(_("本周%(listing)s。") % {"listing": listing})]
    if not ctx.value("meetings.held").value:
        return [Para(_("本期间尚未登记组织生活会议记录。"))]
    paras = [
        Para(
            _("坚持“三会一课”制度，%(listing)s，党员参加组织生活出席率%(rate)s。")
            % {"listing": _listing(ctx), "rate": fig("meetings.attendance_rate")}
        )
    ]
    if ctx.value("meetings.theory_group_sessions").value:
        paras.append(
            Para(
                _("中心理论组坚持每周例会集中学习，共学习%(n)s。")
                % {"n": fig("meetings.theory_group_sessions")}
            )
        )
    if ctx.value("meetings.democratic_and_topical").value:
        paras.append(
            Para(
                _(
                    "坚持党内民主，召开组织生活会、民主生活会、专题组织会议和座谈会共%(n)s，其中民主座谈会%(f)s。"
                )
                % {"n": fig("meetings.democratic_and_topical"), "f": fig("meetings.forums")}
            )
        )
    return paras


# A plan for a month or less names each meeting due; a plan for a term or more names the cadence.
ITEMISED_DAYS = 31


CALENDAR = "meetings.calendar"


@sections.obligations(CALENDAR)
def next_meetings(org: Organisation, period: Period) -> list[Obligation]:
    """What the cadence rules require in the coming period: "召开支委会（2026年12月）" for a month,
    "按月召开支委会" for a year — never a count of meetings, and a slot already held is marked
    done (the dashboard leaves it out; a summary's plan, drafted from the rules, keeps it)."""
    due = []
    for obligation in calendar.obligations(org, period):
        slots = [
            slot
            for slot in obligation.slots
            if slot.period.start <= period.end and period.start <= slot.period.end
        ]
        if not slots:
            continue
        where = "" if obligation.organisation.pk == org.pk else f"{obligation.organisation.name}："
        name = obligation.meeting_type.name
        merged = {"group": PRACTICE, "lead": str(PLAN_LEAD), "what": name}
        if period.days <= ITEMISED_DAYS:
            for slot in slots:
                text = _("%(where)s召开%(type)s（%(when)s）") % {
                    "where": where,
                    "type": name,
                    "when": slot.label,
                }
                due.append(
                    Obligation(
                        slot.period.end,
                        text,
                        how=cadence_how(slot.rule),
                        rank=CADENCE_RANK[slot.rule.every],
                        done=slot.state == calendar.HELD,
                        **merged,
                    )
                )
            continue
        for rule in {slot.rule.pk: slot.rule for slot in slots}.values():
            how = cadence_how(rule)
            held = all(s.state == calendar.HELD for s in slots if s.rule.pk == rule.pk)
            text = f"{where}{how}{name}"
            rank = CADENCE_RANK[rule.every]
            due.append(Obligation(None, text, how=how, done=held, rank=rank, **merged))  # a cadence
    return due


CADENCE_HOW = {
    "week": _l("每周召开"),
    "month": _l("按月召开"),
    "quarter": _l("按季度召开"),
    "year": _l("每年召开"),
}


# "按月召开支委会、按季度召开支部党员大会和党课、每周召开中心组学习": the order a plan reads
CADENCE_RANK = {"month": 1, "quarter": 2, "week": 3, "year": 4}


def cadence_how(rule) -> str:
    """ "按月召开" for once a month; "每月召开2次" when a rule asks more than once."""
    if rule.times == 1:
        return str(CADENCE_HOW[rule.every])
    return _("%(every)s召开%(n)d次") % {"every": rule.get_every_display(), "n": rule.times}
