"""The meetings ledger's paragraphs for the weekly, monthly and annual documents, and the
obligations it contributes to "next period" plans. Numbers are figure references, never counts
computed here, so every number in a document links to the meetings behind it."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, sections
from zhibu.core.registries.sections import Obligation, Para, SectionContext, fig

from . import obligations as calendar
from . import selectors
from .figures import PER_TYPE
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

# 三会一课 and the theme day: "召开" the meetings, then the other forms, in a secretary's order.
HELD_PARTS = (
    ("meetings.general_meetings", _l("支部党员大会")),
    ("meetings.committee_meetings", _l("支委会")),
    ("meetings.group_meetings", _l("党小组会")),
)
OTHER_PARTS = (
    ("meetings.party_lectures", _l("讲党课")),
    ("meetings.theme_days", _l("开展主题党日")),
)
# 党内民主: each kind under its own name.
DEMOCRACY_PARTS = (
    ("meetings.org_life_meetings", _l("组织生活会")),
    ("meetings.democratic_life_meetings", _l("民主生活会")),
    ("meetings.topical_meetings", _l("专题组织会议")),
    ("meetings.forums", _l("民主座谈会")),
)
THEORY = "meetings.theory_group_sessions"
# The types the sentences above name; a branch's own types are named after them.
NAMED_TYPES = {code for _code, code, _label in PER_TYPE}
# 坚持每周: claimed when sessions were held in this share of the term weeks of the period.
WEEKLY_SHARE = 0.8


def _held(ctx: SectionContext, parts) -> list[str]:
    return [f"{label}{fig(code)}" for code, label in parts if ctx.value(code).value]


def _three_and_one(ctx: SectionContext) -> str:
    """ "召开支部党员大会9次、支委会21次，讲党课9次，开展主题党日23次" — zero counts left out."""
    held = "、".join(_held(ctx, HELD_PARTS))
    phrases = [_("召开") + held] if held else []
    return "，".join(phrases + _held(ctx, OTHER_PARTS))


def _own_types(org: Organisation, period: Period) -> list[str]:
    """A branch's own meeting types held in the period, each with its count."""
    return [
        _("开展%(name)s%(n)s") % {"name": name, "n": fig("meetings.held", kind=code)}
        for code, name in selectors.types_held(org, period)
        if code not in NAMED_TYPES
    ]


def _theory(org: Organisation, period: Period, ctx: SectionContext) -> str:
    """ "中心理论组坚持每周例会集中学习，共学习95次" only when the sessions cover the term weeks;
    otherwise the plain count."""
    n = ctx.value(THEORY).value
    if not n:
        return ""
    term_weeks = [w for w in period.weeks() if Period.term_of(w.start) is not None]
    if len(term_weeks) > 1 and n >= WEEKLY_SHARE * len(term_weeks):
        held = sum(1 for v in figures.series(THEORY, org, term_weeks) if v)
        if held >= WEEKLY_SHARE * len(term_weeks):
            return _("中心理论组坚持每周例会集中学习，共学习%(n)s。") % {"n": fig(THEORY)}
    return _("中心理论组集中学习%(n)s。") % {"n": fig(THEORY)}


@sections.register("meetings.practice", part="basic", title=_l("坚持“三会一课”，严格党的组织生活"), order=20)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("meetings.held").value:
        return []
    if ctx.document == "weekly":
        phrases = [
            _three_and_one(ctx),
            *_held(ctx, ((THEORY, _l("中心组集中学习")),)),
            *[_("召开") + p for p in _held(ctx, DEMOCRACY_PARTS)],
            *_own_types(org, period),
        ]
        return [Para(_("本周") + "，".join(p for p in phrases if p) + "。")]
    paras = []
    clauses = []
    listing = _three_and_one(ctx)
    if listing:
        clauses.append(_("坚持“三会一课”制度，") + listing)
    if ctx.value("meetings.attendance_rate").records.exists():
        clauses.append(_("党员参加组织生活出席率%(rate)s") % {"rate": fig("meetings.attendance_rate")})
    if clauses:
        paras.append(Para("，".join(clauses) + "。"))
    theory = _theory(org, period, ctx)
    if theory:
        paras.append(Para(theory))
    democracy = _held(ctx, DEMOCRACY_PARTS)
    if democracy:
        text = _("坚持党内民主，召开") + "、".join(democracy)
        if len(democracy) > 1:
            text += _("，共%(n)s") % {"n": fig("meetings.democratic_and_topical")}
        paras.append(Para(text + "。"))
    own = _own_types(org, period)
    if own:
        paras.append(Para(_("此外，") + "，".join(own) + "。"))
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
