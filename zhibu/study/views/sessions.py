"""Pages for group study sessions and self-study tasks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import call_service, chosen_organisation, paginate, period_from_request

from .. import selectors
from ..figures import PARTY_HISTORY
from ..forms import FromMeetingForm, SessionForm, TaskForm
from ..models import StudyForm
from ..services import sessions as services


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """学习: the branch's group sessions over a period, counted by form."""
    org = chosen_organisation(request, "study.view")
    period = period_from_request(request)
    sessions = selectors.sessions_of(org, period.start, period.end)
    counts = selectors.counts_by_form(sessions)
    party_history = sessions.filter(form=StudyForm.PARTY_LECTURE, subject=PARTY_HISTORY).count()
    form = request.GET.get("form", "")
    if form in StudyForm.values:
        sessions = sessions.filter(form=form)
    context = {
        "org": org,
        "period": period,
        "forms": [(value, label, counts.get(value, 0)) for value, label in StudyForm.choices],
        "total": sum(counts.values()),
        "party_history": party_history,
        "form": form,
        "page": paginate(request, sessions.order_by("-day", "-pk")),
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


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.edit")
    form = SessionForm(request.POST or None, people=selectors.member_choices(org), initial={"hours": 2})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        data["study_form"] = data.pop("form")
        session = call_service(form, services.session_create, actor=request.user, organisation=org, **data)
        if session:
            messages.success(request, _("已登记集中学习"))
            return redirect("study:session", pk=session.pk)
    return render(request, "study/form.html", {"form": form, "org": org, "title": _("登记集中学习")})


@login_required
def session_from_meeting(request: HttpRequest) -> HttpResponse:
    """从会议记录创建: pick one of the branch's meetings; its date, topic and attendance carry over."""
    org = chosen_organisation(request, "study.edit")
    meetings = selectors.meetings_linkable(org)
    form = FromMeetingForm(
        request.POST or None, meetings=meetings, people=selectors.member_choices(org), initial={"hours": 2}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["study_form"] = data.pop("form")
        session = call_service(
            form, services.session_from_meeting, actor=request.user, organisation=org, **data
        )
        if session:
            messages.success(request, _("已将会议记录登记为集中学习"))
            return redirect("study:session", pk=session.pk)
    context = {
        "form": form,
        "org": org,
        "title": _("从会议记录创建集中学习"),
        "no_meetings": not meetings.exists(),
    }
    return render(request, "study/form.html", context)


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(request.user, pk)
    policy.require(request.user, "study.edit", session)
    linked = bool(session.meeting_id)
    initial = {
        "version": session.version,
        "form": session.form,
        "subject": session.subject,
        "topic": session.topic,
        "held_on": session.held_on,
        "hours": session.hours,
        "speaker": session.speaker_id,
        "note": session.note,
        "present": list(session.attendance.filter(status="present").values_list("person_id", flat=True)),
    }
    form = SessionForm(
        request.POST or None,
        people=selectors.member_choices(session.organisation),
        linked=linked,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["study_form"] = data.pop("form")
        data.setdefault("topic", session.topic)
        data.setdefault("held_on", session.held_on)
        updated = call_service(form, services.session_update, actor=request.user, session=session, **data)
        if updated:
            messages.success(request, _("已保存"))
            return redirect("study:session", pk=session.pk)
    title = _("编辑集中学习")
    return render(request, "study/form.html", {"form": form, "org": session.organisation, "title": title})


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.view")
    tasks = selectors.tasks_visible(request.user).filter(organisation=org)
    context = {
        "org": org,
        "page": paginate(request, tasks),
        "can_edit": policy.has_perm(request.user, "study.edit", org),
    }
    return render(request, "study/task_list.html", context)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk)
    done = task.done.select_related("person").order_by("done_on", "pk")
    context = {
        "task": task,
        "done": done,
        "can_edit": policy.has_perm(request.user, "study.edit", task),
        "can_see_people": policy.has_perm(request.user, "study.people", task),
    }
    return render(request, "study/task_detail.html", context)


@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.edit")
    form = TaskForm(request.POST or None, initial={"hours": 2})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        task = call_service(form, services.task_create, actor=request.user, organisation=org, **data)
        if task:
            messages.success(request, _("已布置自学任务"))
            return redirect("study:task", pk=task.pk)
    return render(request, "study/form.html", {"form": form, "org": org, "title": _("布置自学任务")})


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk)
    policy.require(request.user, "study.edit", task)
    initial = {
        "version": task.version,
        "title": task.title,
        "material": task.material,
        "assigned_on": task.assigned_on,
        "due_on": task.due_on,
        "hours": task.hours,
    }
    form = TaskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        updated = call_service(form, services.task_update, actor=request.user, task=task, **form.cleaned_data)
        if updated:
            messages.success(request, _("已保存"))
            return redirect("study:task", pk=task.pk)
    return render(
        request, "study/form.html", {"form": form, "org": task.organisation, "title": _("编辑自学任务")}
    )
