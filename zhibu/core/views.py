from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core.registries import dashboard as dashboard_panels
from zhibu.core.registries import figures, findings, search

from . import policy, selectors
from .forms import PersonCreateForm, PersonForm, StatusChangeForm
from .models import PartyStatus
from .periods import Period
from .services import accounts as account_services
from .services import people as people_services
from .web import call_service, paginate, period_from_request


def home_organisation(user):
    """The organisation a user's pages open on: the first one they hold a role on."""
    orgs = list(policy.orgs_readable(user, "core.dashboard").order_by("path")[:1])
    return orgs[0] if orgs else None


def chosen_organisation(request: HttpRequest, perm: str):
    """?org=CODE among the organisations the user may see with perm (404 otherwise), else home."""
    code = request.GET.get("org")
    if code:
        org = get_object_or_404(policy.orgs_in_scope(request.user), code=code)
        policy.require(request.user, perm, org)
        return org
    org = home_organisation(request.user)
    if org is None or not policy.has_perm(request.user, perm, org):
        raise PermissionDenied
    return org


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    org = home_organisation(request.user)
    if org is None:
        return render(request, "core/no_role.html")
    today = timezone.localdate()
    period = Period.year(today.year)
    context = {"org": org, "period": period, "today": today}
    if policy.has_perm(request.user, "figures.view", org):
        context["composition"] = selectors.composition(org, today)
        shown = findings.shown_to(
            findings.run(org, period),
            lambda spec, where: policy.has_perm(request.user, spec.records_perm, where or org),
        )
        context["findings"] = findings.condensed(shown)
    context["panels"] = dashboard_panels.panels_for(request, org, period)
    return render(request, "core/dashboard.html", context)


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.view")
    qs = selectors.people_search(
        selectors.people_of(org).select_related("organisation"), request.GET.get("q", "")
    )
    status = request.GET.get("status", "")
    if status == "members":
        qs = qs.filter(party_status__in=[PartyStatus.PROBATIONARY, PartyStatus.FULL])
    elif status in PartyStatus.values:
        qs = qs.filter(party_status=status)
    people = selectors.sorted_by_strokes(qs)
    context = {
        "org": org,
        "page": paginate(request, people),
        "q": request.GET.get("q", ""),
        "status": status,
        "statuses": PartyStatus.choices,
        "orgs": selectors.organisations_visible(request.user, "people.view"),
        "composition": selectors.composition(org, timezone.localdate()),
        # A committee's list spans several branches: say which one each person belongs to.
        "show_org": org.children.exists(),
        "can_edit": policy.has_perm(request.user, "people.edit", org),
        "can_import": policy.has_perm(request.user, "people.import", org),
        "can_export": policy.has_perm(request.user, "people.export", org),
    }
    return render(request, "core/people_list.html", context)


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk)
    context = {
        "person": person,
        "history": person.status_changes.all(),
        "posts": person.posts.select_related("term"),
        "can_edit": policy.has_perm(request.user, "people.edit", person),
    }
    return render(request, "core/person_detail.html", context)


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.edit")
    form = PersonCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in {"version", "party_status", "status_since"}
        }
        person = call_service(
            form,
            people_services.person_create,
            actor=request.user,
            organisation=org,
            data=data,
            party_status=form.cleaned_data["party_status"],
            status_since=form.cleaned_data["status_since"],
        )
        if person:
            messages.success(request, _("已添加 %(name)s") % {"name": person.name})
            return redirect("core:person", pk=person.pk)
    return render(request, "core/person_form.html", {"form": form, "org": org, "title": _("添加人员")})


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk)
    policy.require(request.user, "people.edit", person)
    form = PersonForm(request.POST or None, instance=person, initial={"version": person.version})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        # The form wrote the values onto `person`; reload so the service snapshots the stored row.
        person.refresh_from_db()
        updated = call_service(
            form,
            people_services.person_update,
            actor=request.user,
            person=person,
            version=form.cleaned_data.get("version"),
            data=data,
        )
        if updated:
            messages.success(request, _("已保存"))
            return redirect("core:person", pk=person.pk)
    return render(
        request,
        "core/person_form.html",
        {"form": form, "org": person.organisation, "person": person, "title": _("编辑人员信息")},
    )


@login_required
def person_status(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk)
    policy.require(request.user, "people.edit", person)
    form = StatusChangeForm(
        request.POST or None, initial={"status": person.party_status, "version": person.version}
    )
    if request.method == "POST" and form.is_valid():
        change = call_service(
            form,
            people_services.person_set_status,
            actor=request.user,
            person=person,
            status=form.cleaned_data["status"],
            since=form.cleaned_data["since"],
            note=form.cleaned_data["note"],
            # A form posted without one (an old page) still works, as before versions were sent.
            version=form.cleaned_data.get("version"),
        )
        if change:
            messages.success(request, _("已记录政治面貌变动"))
            return redirect("core:person", pk=person.pk)
    return render(
        request,
        "core/person_form.html",
        {"form": form, "org": person.organisation, "person": person, "title": _("政治面貌变动")},
    )


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not policy.has_perm(request.user, "audit.view"):
        raise PermissionDenied
    qs = selectors.audit_visible(request.user).select_related("organisation")
    if request.GET.get("action"):
        qs = qs.filter(action__startswith=request.GET["action"])
    return render(request, "core/audit_list.html", {"page": paginate(request, qs, 50)})


@login_required
def figure_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "figures.view")
    period = period_from_request(request)
    values = [figures.compute(spec.code, org, period) for spec in figures.all()]
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
    records = [] if hidden or value.records is None else value.records
    if hasattr(records, "ordered") and not records.ordered:
        records = records.order_by("pk")
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
    text = request.GET.get("q", "")
    hits = search.run(request.user, text)
    return render(
        request, "core/search.html", {"q": text, "hits": hits, "too_short": 0 < len(text.strip()) < 2}
    )


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
