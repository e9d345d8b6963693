"""The obligations calendar, the bureau's cadence rules, and a branch's own meeting types."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.web import chosen_organisation, form_page, paginate

from .. import obligations, selectors, services
from .. import sections as sections_own
from ..forms import MeetingTypeForm, RuleForm


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "meetings.view")
    today = timezone.localdate()
    value = request.GET.get("year", "")
    year = int(value) if value.isdigit() and 1990 < int(value) < 2200 else today.year
    rows = obligations.obligations(org, Period.year(year), today)
    totals = {state: sum(r.count(state) for r in rows) for state in obligations.STATE_LABELS}
    # What other registries put on the branch's calendar (a superior's notices); the meetings' own
    # obligations are the grid above.
    others = sections.obligations_for(org, Period.year(year), exclude=[sections_own.CALENDAR])
    context = {
        "others": others,
        "org": org,
        "year": year,
        "rows": rows,
        "totals": totals,
        "today": today,
        "years": range(today.year + 1, 2017, -1),
        "orgs": policy.orgs_readable(request.user, "meetings.view"),
        "can_edit": policy.has_perm(request.user, "meetings.edit", org),
        "state_labels": obligations.STATE_LABELS,
    }
    return render(request, "meetings/calendar.html", context)


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    """The bureau's cadence rules: every change opens a new dated rule and closes the old one."""
    if not policy.has_perm(request.user, "meetings.rules"):
        raise PermissionDenied("meetings.rules")
    orgs = policy.orgs_readable(request.user, "meetings.rules")
    form = RuleForm(
        request.POST or None,
        types=selectors.global_types(),
        orgs=selectors.rule_branches(orgs),
        initial={"effective_from": timezone.localdate()},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.cadence_rule_set(actor=request.user, **data),
        success=lambda rule: _("已调整“%(rule)s”，自%(day)s起执行")
        % {"rule": rule, "day": rule.effective_from},
        redirect_to="meetings:rules",
        template="meetings/rules.html",
        context=lambda: {
            "page": paginate(request, selectors.rules_visible(orgs), 50),
            "today": timezone.localdate(),
        },
        invalid_status=400,
    )


@login_required
def type_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "meetings.edit")
    return form_page(
        request,
        MeetingTypeForm(request.POST or None),
        save=lambda data: services.meeting_type_create(actor=request.user, organisation=org, **data),
        success=lambda item: _("已添加会议类型“%(name)s”") % {"name": item.name},
        redirect_to=f"{reverse('meetings:list')}?org={org.code}",
        template="meetings/form.html",
        context={"org": org, "title": _("添加本支部的会议类型"), "existing": selectors.types_for(org)},
        invalid_status=400,
    )
