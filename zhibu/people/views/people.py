"""The roster pages: the list (按姓氏笔画), a person, adding, editing and party status changes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.models import PartyStatus
from zhibu.core.selectors import organisations_visible
from zhibu.core.web import call_service, chosen_organisation, paginate

from .. import selectors
from ..forms import PersonCreateForm, PersonForm, StatusChangeForm
from ..services import persons as people_services


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
        "orgs": organisations_visible(request.user, "people.view"),
        "composition": selectors.composition(org, timezone.localdate()),
        # A committee's list spans several branches: say which one each person belongs to.
        "show_org": org.children.exists(),
        "can_edit": policy.has_perm(request.user, "people.edit", org),
        "can_import": policy.has_perm(request.user, "people.import", org),
        "can_export": policy.has_perm(request.user, "people.export", org),
    }
    return render(request, "people/people_list.html", context)


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk)
    context = {
        "person": person,
        "history": person.status_changes.all(),
        "posts": person.posts.select_related("term"),
        "can_edit": policy.has_perm(request.user, "people.edit", person),
    }
    return render(request, "people/person_detail.html", context)


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
            return redirect("people:person", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "org": org, "title": _("添加人员")})


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
            return redirect("people:person", pk=person.pk)
    return render(
        request,
        "people/person_form.html",
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
            return redirect("people:person", pk=person.pk)
    return render(
        request,
        "people/person_form.html",
        {"form": form, "org": person.organisation, "person": person, "title": _("政治面貌变动")},
    )
