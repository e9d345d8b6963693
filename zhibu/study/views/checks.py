"""笔记检查: the office checker's month sheet; 学习要求: the branch's quotas."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.web import chosen_organisation, form_page, initial_from

from .. import selectors
from ..forms import CheckSheetForm, SettingsForm
from ..services import checks as services
from ..services.checks import CheckEntry


def _month_from(request: HttpRequest) -> date:
    today = timezone.localdate()
    try:
        return date.fromisoformat(f"{request.GET.get('month', '')}-01")
    except ValueError:
        return today.replace(day=1)


def _school_year_months(month: date) -> list[Period]:
    """September to July of the school year the month falls in (August has no check)."""
    start_year = month.year if month.month >= 9 else month.year - 1
    months = Period.span(date(start_year, 9, 1), date(start_year + 1, 7, 31)).months()
    return list(months)


@login_required
def checks(request: HttpRequest) -> HttpResponse:
    """The month's sheet: every member, her notes that month, the result and remark to record."""
    org = chosen_organisation(request, "study.check")
    month = _month_from(request)
    rows = selectors.month_sheet(org, month)
    form = CheckSheetForm(request.POST or None, rows=rows, initial={"checked_on": timezone.localdate()})

    def save(data: dict) -> list:
        entries = [
            CheckEntry(
                person=row["person"],
                result=data.get(f"result_{row['person'].pk}", ""),
                remark=data.get(f"remark_{row['person'].pk}", ""),
            )
            for row in rows
        ]
        return services.checks_record(
            actor=request.user,
            organisation=org,
            month=month,
            checked_on=data["checked_on"],
            entries=entries,
        )

    def context() -> dict:
        year_months = _school_year_months(month)
        checked = selectors.checked_months(org, year_months[0].start, year_months[-1].end)
        return {
            "org": org,
            "month": month,
            "month_label": Period.month(month.year, month.month).label,
            "rows": rows,
            "can_see_people": policy.has_perm(request.user, "study.people", org),
            "year_months": [(m, m.start in checked) for m in year_months if m.start.month != 8],
            "today": timezone.localdate(),
        }

    return form_page(
        request,
        form,
        save=save,
        success=lambda saved: _("已记录%(m)s的笔记检查（%(n)d人）")
        % {"m": f"{month:%Y-%m}", "n": len(saved)},
        redirect_to=f"{request.path}?org={org.code}&month={month:%Y-%m}",
        template="study/checks.html",
        context=context,
    )


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.settings")
    initial = initial_from(
        selectors.settings_for(org),
        "books_per_term",
        "member_hours",
        "officer_hours",
        "weekly_hours",
        "monthly_hours",
        "min_activity_kinds",
        "min_attendance_rate",
    )
    return form_page(
        request,
        SettingsForm(request.POST or None, initial=initial),
        save=lambda data: services.settings_update(actor=request.user, organisation=org, **data),
        success=_("已保存学习要求"),
        redirect_to="study:index",
        template="study/form.html",
        context={"org": org, "title": _("学习要求")},
    )
