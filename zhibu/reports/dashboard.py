"""The reports panel on the branch dashboard: key figures of the month so far (of the last complete
month in a month's first days) with their trend, the obligations calendar, and charts (composition,
figures by month, findings by severity).
Registered into core's panel registry; charts are drawn by static/js/report_charts.js."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import parallel, stamped, warmup
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import dashboard, figures, sections
from zhibu.core.registries.findings import SEVERITIES
from zhibu.core.registries.sections import Obligation

from .deadlines import DEADLINE_KINDS, deadlines_for, describe, due_date
from .models import KIND_CHOICES

REPORTING = "reporting"  # the practice of rules.py's submission findings
KEY_FIGURES = 8
SERIES = 4
EARLY_DAYS = 3  # on the 1st to the 3rd the cards show the last complete month


@sections.obligations("reports.submissions")
def submission_obligations(org, period: Period) -> list[Obligation]:
    """Bulletins and summaries due to the superior within `period` (one line per kind for long ones)."""
    out = []
    rules = deadlines_for([org])
    labels = dict(KIND_CHOICES)
    lead = _("按时向上级报送材料")
    for kind in DEADLINE_KINDS:
        deadline = rules.get((org.pk, kind))
        if deadline is None:
            continue
        # a plan merges a kind's deadlines into one phrase: "每周五前报送周信息"
        merged = {"group": REPORTING, "lead": lead, "what": describe(deadline)}
        if period.days > 62:
            out.append(Obligation(None, f"{lead}：{describe(deadline)}", **merged))
            continue
        subs = (
            period.weeks()
            if kind == "weekly"
            else Period.span(period.start - timedelta(days=31), period.end).months()
        )
        for sub in subs:
            due = due_date(deadline, sub)
            if due and due in period:
                text = _("报送%(p)s%(k)s") % {"p": sub.label, "k": labels[kind]}
                out.append(Obligation(due, text, **merged))
    return out


@dataclass(frozen=True)
class TrendWindow:
    """What the key-figure cards compare: `shown` against `before`, headed `title`."""

    shown: Period
    before: Period
    title: str
    versus: str


def trend_window(today: date) -> TrendWindow:
    """The month so far against the same days of the previous month (on the 15th: 1st–15th against
    1st–15th, clamped to that month's end). In the first EARLY_DAYS of a month there is too little to
    compare — on the 1st a whole month would show as a row of zeros, "较上月 -91" — so the cards
    show the last complete month against the month before it."""
    month = Period.month(today.year, today.month)
    previous = month.previous()
    if today.day <= EARLY_DAYS:
        return TrendWindow(
            previous, previous.previous(), _("%(m)d月") % {"m": previous.start.month}, _("较上月")
        )
    same_days = Period.span(previous.start, min(previous.start + timedelta(days=today.day - 1), previous.end))
    return TrendWindow(
        Period.span(month.start, today),
        same_days,
        _("%(m)d月1日至%(d)d日") % {"m": today.month, "d": today.day},
        _("较上月同期"),
    )


def _trend(org, window: TrendWindow) -> list[dict]:
    """The key figures (`key=` on figures.register: what a month is summed up by) that moved first,
    then the rest, each with its change against `window.before` (both periods in one query for a
    figure with a day). Only the key figures: computing all of them for two periods cost a branch's
    dashboard some 240 queries to show eight cards."""
    rows = parallel.each(lambda spec: _trend_row(spec, org, window), figures.key_figures())
    rows.sort(key=lambda r: (not r["delta"], not r["value"], r["spec"].code))
    return rows[:KEY_FIGURES]


def _trend_row(spec, org, window: TrendWindow) -> dict:
    now, then = figures.series(spec.code, org, [window.shown, window.before])
    delta = now - then
    return {
        "spec": spec,
        "value": now,
        "delta": delta,
        "change": f"{delta:+}" if delta else "0",
        "arrow": "↑" if delta > 0 else "↓" if delta < 0 else "→",
    }


def _monthly_series(org, year: Period, today) -> dict:
    """Key flow figures by month. A figure registered with its day is a flow, its months in one
    query; a stock (flow=False) is never drawn; of the others, those whose months add up to their
    year."""
    months = [m for m in year.months() if m.start <= today]
    so_far = Period(year.kind, year.start, min(year.end, months[-1].end))
    flows = [spec for spec in figures.key_figures() if spec.flow is not False]
    # the figures side by side within the stored overview's unit of work (core/parallel.py)
    series = [line for line in parallel.each(lambda spec: _line(spec, org, months, so_far), flows) if line]
    series.sort(key=lambda s: -s["total"])
    return {"months": [f"{m.start.month}月" for m in months], "series": series[:SERIES]}


def _line(spec, org, months: list[Period], so_far: Period) -> dict | None:
    if spec.day is not None:  # its months add up to its year by construction
        per_month = figures.series(spec.code, org, months)
        total = sum(per_month)
    else:
        total = figures.compute(spec.code, org, so_far).value
        per_month = figures.series(spec.code, org, months) if total else []
    if not total or sum(per_month) != total:  # nothing this year: no line to draw
        return None
    return {"name": spec.label, "data": [float(v) for v in per_month], "total": float(total)}


@dashboard.register(
    "reports.overview", template="reports/dashboard_panel.html", perm="reports.view", order=50
)
def overview(request, org, period: Period) -> dict:
    # Cards, calendar and charts read the whole subtree and change only with a write or the day:
    # stored until then (core/stamped.py), so a dashboard reload costs one query for them.
    data = stored_overview(org, timezone.localdate())
    severity = Counter(f.severity for f in dashboard.findings_of(request, org, period))
    charts = {
        **data["charts"],
        "severity": [{"name": SEVERITIES[k], "value": severity.get(k, 0)} for k in SEVERITIES],
    }
    trend = [{**row, "spec": figures.get(row["spec"])} for row in data["trend"]]
    return {**data, "org": org, "trend": trend, "charts": charts}


@warmup.register
def stored_overview(org, today: date) -> dict:
    return stamped.get_or_compute("reports.overview", org, lambda: _overview(org, today))


def _overview(org, today: date) -> dict:
    """The panel's values, plain data (figure codes, not specs) so that they can be stored."""
    month = Period.month(today.year, today.month)
    window = trend_window(today)
    values = {
        code: figures.compute(code, org, month).value
        for code in ("people.serving_members", "people.retired_members", "people.staff")
    }
    upcoming = sections.obligations_for(org, Period.span(today, today + timedelta(days=31)))
    # the year's months first: the cards' days then come from what the chart read (figure_series)
    monthly = _monthly_series(org, Period.year(today.year), today)
    return {
        "window": window,
        "trend": [{**row, "spec": row["spec"].code} for row in _trend(org, window)],
        "obligations": [
            {"due": cn_date(o.due_on) if o.due_on else "", "text": o.text} for o in upcoming[:10]
        ],
        "charts": {
            "composition": [
                {"name": _("在职党员"), "value": values["people.serving_members"]},
                {"name": _("退休党员"), "value": values["people.retired_members"]},
                {
                    "name": _("非党员教职工"),
                    "value": max(0, values["people.staff"] - values["people.serving_members"]),
                },
            ],
            "monthly": monthly,
        },
    }
