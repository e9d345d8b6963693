"""Pages for group study sessions and self-study tasks."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    without,
)

from .. import grouped, selectors
from ..forms import FromMeetingForm, SessionForm, TaskForm
from ..models import StudyForm
from ..services import sessions as services


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """学习: the branch's group sessions over a period, counted by form."""
    org = chosen_organisation(request, "study.view")
    period = period_from_request(request)
    counts = grouped.counts_by_form(org, period)
    form = request.GET.get("form", "")
    listed = form if form in StudyForm.values else ""  # an unknown ?form= lists every form
    context = {
        "org": org,
        "period": period,
        "forms": [(value, label, counts.get(value, 0)) for value, label in StudyForm.choices],
        "total": sum(counts.values()),
        "party_history": figures.compute("study.party_history_lectures", org, period).value,
        "form": form,
        "page": paginate(request, selectors.session_list(org, period, listed)),
        "can_edit": policy.has_perm(request.user, "study.edit", org),
        "can_figures": policy.has_perm(request.user, "figures.view", org),
        "orgs": policy.orgs_readable(request.user, "study.view"),
    }
    return render(request, "study/index.html", context)


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(request.user, pk)
    context = {
        "session": session,
        "attendance": selectors.session_attendance(session),
        "can_edit": policy.has_perm(request.user, "study.edit", session),
    }
    return render(request, "study/session_detail.html", context)


def _session_data(data: dict, **defaults) -> dict:
    """The form's fields as the services name them (the form's `form` is their `study_form`)."""
    data = {**defaults, **data}
    data["study_form"] = data.pop("form")
    return data


def _session_url(session) -> str:
    return reverse("study:session", args=[session.pk])


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.edit")
    return form_page(
        request,
        SessionForm(request.POST or None, people=selectors.member_choices(org), initial={"hours": 2}),
        save=lambda data: services.session_create(
            actor=request.user, organisation=org, **_session_data(without(data, "version"))
        ),
        success=_("已登记集中学习"),
        redirect_to=_session_url,
        template="study/form.html",
        context={"org": org, "title": _("登记集中学习")},
    )


@login_required
def session_from_meeting(request: HttpRequest) -> HttpResponse:
    """从会议记录创建: pick one of the branch's meetings; its date, topic and attendance carry over."""
    org = chosen_organisation(request, "study.edit")
    form = FromMeetingForm(
        request.POST or None,
        meetings=selectors.meetings_linkable(org),
        people=selectors.member_choices(org),
        initial={"hours": 2},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.session_from_meeting(
            actor=request.user, organisation=org, **_session_data(data)
        ),
        success=_("已将会议记录登记为集中学习"),
        redirect_to=_session_url,
        template="study/form.html",
        context=lambda: {
            "org": org,
            "title": _("从会议记录创建集中学习"),
            "no_meetings": not selectors.has_linkable_meetings(org),
        },
    )


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(request.user, pk, "study.edit")
    linked = bool(session.meeting_id)
    initial = initial_from(
        session,
        *("form", "subject", "topic", "held_on", "hours", "note"),
        speaker=session.speaker_id,
        present=selectors.present_ids(session),
    )
    form = SessionForm(
        request.POST or None,
        people=selectors.member_choices(session.organisation),
        linked=linked,
        initial=initial,
    )
    return form_page(
        request,
        form,
        # A meeting-linked session's form has no date and topic: the service keeps the meeting's.
        save=lambda data: services.session_update(
            actor=request.user,
            session=session,
            **_session_data(data, topic=session.topic, held_on=session.held_on),
        ),
        success=_("已保存"),
        redirect_to=_session_url(session),
        template="study/form.html",
        context={"org": session.organisation, "title": _("编辑集中学习")},
    )


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.view")
    context = {
        "org": org,
        "page": paginate(request, selectors.task_list(request.user, org)),
        "can_edit": policy.has_perm(request.user, "study.edit", org),
    }
    return render(request, "study/task_list.html", context)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk)
    context = {
        "task": task,
        "done": selectors.done_of(task),
        "can_edit": policy.has_perm(request.user, "study.edit", task),
        "can_see_people": policy.has_perm(request.user, "study.people", task),
    }
    return render(request, "study/task_detail.html", context)


def _task_url(task) -> str:
    return reverse("study:task", args=[task.pk])


@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.edit")
    return form_page(
        request,
        TaskForm(request.POST or None, initial={"hours": 2}),
        save=lambda data: services.task_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已布置自学任务"),
        redirect_to=_task_url,
        template="study/form.html",
        context={"org": org, "title": _("布置自学任务")},
    )


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk, "study.edit")
    initial = initial_from(task, "title", "material", "assigned_on", "due_on", "hours")
    return form_page(
        request,
        TaskForm(request.POST or None, initial=initial),
        save=lambda data: services.task_update(actor=request.user, task=task, **data),
        success=_("已保存"),
        redirect_to=_task_url(task),
        template="study/form.html",
        context={"org": task.organisation, "title": _("编辑自学任务")},
    )
