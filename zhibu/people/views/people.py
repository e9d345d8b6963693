"""The roster pages: the list (按姓氏笔画), a person, adding, editing and party status changes."""

from __future__ import annotations

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.models import PartyStatus, Person
from zhibu.core.selectors import has_children, organisations_visible
from zhibu.core.web import chosen_organisation, form_page, initial_from, paginate, without

from .. import selectors, transfer_selectors
from ..forms import PersonCreateForm, PersonForm, StatusChangeForm
from ..services import persons as people_services


@login_required
def people_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.view")
    status = request.GET.get("status", "")
    people = selectors.people_list(org, text=request.GET.get("q", ""), status=status)
    context = {
        "org": org,
        "page": paginate(request, people),
        "q": request.GET.get("q", ""),
        "status": status,
        "statuses": PartyStatus.choices,
        "orgs": organisations_visible(request.user, "people.view"),
        "composition": selectors.composition(org, timezone.localdate()),
        # A committee's list spans several branches: say which one each person belongs to.
        "show_org": has_children(org),
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
        "history": selectors.status_history(person),
        "posts": selectors.posts_of(person),
        "can_edit": policy.has_perm(request.user, "people.edit", person),
        "transfers": transfer_selectors.transfers_of_person(person),
        "marks": transfer_selectors.marks_of(person),
        "can_transfer": policy.has_perm(request.user, "people.transfers", person),
    }
    return render(request, "people/person_detail.html", context)


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.edit")
    form = PersonCreateForm(request.POST or None, instance=Person(organisation=org))
    return form_page(
        request,
        form,
        save=lambda data: people_services.person_create(
            actor=request.user,
            organisation=org,
            data=without(data, "version", "party_status", "status_since"),
            party_status=data["party_status"],
            status_since=data["status_since"],
        ),
        success=lambda person: _("已添加 %(name)s") % {"name": person.name},
        redirect_to=lambda person: person.get_absolute_url(),
        template="people/person_form.html",
        context={"org": org, "title": _("添加人员")},
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk, "people.edit")
    # The form writes what it validated onto its instance: a copy, so `person` stays the stored row
    # for the service's snapshot and for the page.
    form = PersonForm(request.POST or None, instance=copy(person), initial=initial_from(person))
    return form_page(
        request,
        form,
        save=lambda data: people_services.person_update(
            actor=request.user, person=person, version=data.get("version"), data=without(data, "version")
        ),
        success=_("已保存"),
        redirect_to=person.get_absolute_url(),
        template="people/person_form.html",
        context={"org": person.organisation, "person": person, "title": _("编辑人员信息")},
    )


@login_required
def person_status(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk, "people.edit")
    form = StatusChangeForm(request.POST or None, initial=initial_from(person, status=person.party_status))
    return form_page(
        request,
        form,
        # A form posted without a version (an old page) still works, as before versions were sent.
        save=lambda data: people_services.person_set_status(actor=request.user, person=person, **data),
        success=_("已记录政治面貌变动"),
        redirect_to=person.get_absolute_url(),
        template="people/person_form.html",
        context={"org": person.organisation, "person": person, "title": _("政治面貌变动")},
    )
