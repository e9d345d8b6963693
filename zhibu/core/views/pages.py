from __future__ import annotations

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone

from zhibu.core.registries import dashboard as dashboard_panels
from zhibu.core.registries import figures, findings

from .. import findings_store, policy, search_index, selectors, warmup
from ..periods import Period
from ..services import accounts as account_services
from ..web import chosen_organisation, paginate, period_from_request

SEARCH_PER_PAGE = 20


def dashboard_period(today) -> Period:
    return Period.year(today.year)


@warmup.register
def _dashboard_findings(org, today) -> None:
    findings_store.stored(org, dashboard_period(today))  # what the dashboard's panels read


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    org = selectors.home_organisation(request.user)
    if org is None:
        return render(request, "core/no_role.html")
    today = timezone.localdate()
    period = dashboard_period(today)
    context = {
        "org": org,
        "period": period,
        "today": today,
        "panels": dashboard_panels.panels_for(request, org, period),
    }
    return render(request, "core/dashboard.html", context)


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not policy.has_perm(request.user, "audit.view"):
        raise PermissionDenied("audit.view")
    qs = selectors.audit_list(request.user, request.GET.get("action", ""))
    return render(request, "core/audit_list.html", {"page": paginate(request, qs, 50)})


def figure_values(org, period: Period) -> list:
    # Every figure over the whole subtree: at a bureau, seconds of work that change only with a
    # write under it (or the day).
    return figures.stored_values("figure_list", [spec.code for spec in figures.all()], org, period)


@warmup.register
def _figure_list(org, today) -> None:
    figure_values(org, Period.year(today.year))  # period_from_request's default


@login_required
def figure_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "figures.view")
    period = period_from_request(request)
    values = figure_values(org, period)
    return render(
        request,
        "core/figure_list.html",
        {"org": org, "period": period, "values": values, "rules": findings.all()},
    )


@login_required
def figure_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The records behind a number: from "走访慰问23人次" one click shows the 23 visits."""
    org = chosen_organisation(request, "figures.view")
    try:
        spec = figures.get(code)
    except KeyError:
        raise Http404 from None
    period = period_from_request(request)
    # ?p.kind=committee_meeting: the parameters a document's figure reference carried
    params = {key[2:]: v for key, v in request.GET.items() if key.startswith("p.") and key[2:].isidentifier()}
    try:
        value = figures.compute(spec.code, org, period, **params)
    except TypeError:
        raise Http404 from None
    hidden = spec.records_private and not policy.has_perm(request.user, spec.records_perm, org)
    records = [] if hidden or value.records is None else selectors.figure_records(value.records)
    return render(
        request,
        "core/figure_detail.html",
        {
            "org": org,
            "period": period,
            "value": value,
            "hidden": hidden,
            "page": paginate(request, records, 50),
        },
    )


@login_required
def search_view(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    results = search_index.search(request.user, text)
    page = paginate(request, results, SEARCH_PER_PAGE) if results is not None else None
    return render(request, "core/search.html", {"q": text, "page": page, "too_short": results is None})


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        # The service, not form.save(): the new password, its date and the audit entry are one write.
        user = account_services.password_change(
            user=self.request.user, password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, user)  # stay logged in with the new password
        return HttpResponseRedirect(self.get_success_url())


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """The 403 page names the roles that may do what was refused and whom to ask — the superior
    when the user is the branch's secretary herself, never "ask the secretary" to a secretary.
    A refusal raised with a sentence of its own (a service explaining why) shows that sentence."""
    said = str(exception) if exception is not None else ""
    perm = said if said in policy.known_permissions() else ""
    context = {"reason": "" if perm else said, "contact": "支部书记"}
    if request.user.is_authenticated:
        roles, contact = policy.who_may(request.user, perm)
        context.update(roles="、".join(roles), contact=contact)
    return render(request, "403.html", context, status=403)
