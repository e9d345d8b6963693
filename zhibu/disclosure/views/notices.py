"""The officers' pages: the list of items (drafts included), an item with its attachments and
objections, the forms, publish and withdraw, and the export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import downloads, policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    export_or_job,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    post_action,
    without,
)

from .. import selectors
from ..exporters import NOTICES
from ..forms import AnswerForm, AttachmentForm, ListFilter, NoticeForm, WithdrawForm
from ..models import Status
from ..services import attachments as attachment_services
from ..services import notices as services
from ..services import objections as objection_services

FIELDS = ("kind", "title", "body", "publish_from", "publish_until")


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "disclosure.view")
    form = ListFilter(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    period = period_from_request(request)
    items = selectors.notice_list(
        org, text=data.get("q", "").strip(), status=data.get("status", ""), kind=data.get("kind", "")
    )
    context = {
        "org": org,
        "filters": form,
        "period": period,
        "page": paginate(request, items),
        "counts": {
            name: figures.compute(f"disclosure.{name}", org, period).value
            for name in ("published", "notices_held", "objections")
        },
        "can_edit": policy.has_perm(request.user, "disclosure.edit", org),
        "today": timezone.localdate(),
    }
    return render(request, "disclosure/index.html", context)


@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notice_get(request.user, pk)
    context = {
        "notice": notice,
        "attachments": selectors.attachments_of(notice),
        "objections": selectors.objections_of(notice),
        "can_edit": policy.has_perm(request.user, "disclosure.edit", notice)
        and notice.status != Status.PUBLISHED,
        "can_publish": policy.has_perm(request.user, "disclosure.publish", notice),
        "public_now": notice.public_on(timezone.localdate()),
        "withdraw_form": WithdrawForm(initial={"version": notice.version}),
    }
    return render(request, "disclosure/notice_detail.html", context)


def _context(org, title: str, **extra) -> dict:
    return {"org": org, "title": title, "back": "disclosure:index", **extra}


@login_required
def notice_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "disclosure.edit")
    return form_page(
        request,
        NoticeForm(request.POST or None, initial={"publish_from": timezone.localdate()}),
        save=lambda data: services.notice_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已保存为草稿"),
        redirect_to=lambda notice: notice,
        template="disclosure/form.html",
        context=_context(org, _("起草党务公开事项")),
    )


@login_required
def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notice_get(request.user, pk, "disclosure.edit")
    return form_page(
        request,
        NoticeForm(request.POST or None, initial=initial_from(notice, *FIELDS)),
        save=lambda data: services.notice_update(actor=request.user, notice=notice, **data),
        success=_("已保存"),
        redirect_to=notice,
        template="disclosure/form.html",
        context=_context(
            notice.organisation, _("编辑党务公开事项"), removal=("disclosure.notice", notice.pk)
        ),
    )


@login_required
@require_POST
def notice_publish(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notice_get(request.user, pk, "disclosure.publish")
    return post_action(
        request,
        lambda: services.notice_publish(actor=request.user, notice=notice, version=_version(request)),
        success=_("已发布到党务公开栏"),
        redirect_to=notice,
    )


@login_required
@require_POST
def notice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notice_get(request.user, pk, "disclosure.publish")
    return post_action(
        request,
        lambda: services.notice_withdraw(
            actor=request.user,
            notice=notice,
            version=_version(request),
            reason=request.POST.get("reason", ""),
        ),
        success=_("已撤回，公开栏不再显示"),
        redirect_to=notice,
    )


@login_required
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notice_get(request.user, pk, "disclosure.edit")
    return form_page(
        request,
        AttachmentForm(request.POST or None, request.FILES or None),
        save=lambda data: attachment_services.attachment_add(
            actor=request.user, notice=notice, upload=data["upload"]
        ),
        success=_("已添加附件（已清除文档中的作者等信息）"),
        redirect_to=notice,
        template="disclosure/form.html",
        context=_context(notice.organisation, _("添加附件：%(t)s") % {"t": notice.title}, multipart=True),
    )


@login_required
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.attachment_get(request.user, pk)
    return downloads.file_response(
        item.file.open("rb"), filename=item.filename, content_type=item.content_type
    )


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.attachment_get(request.user, pk, "disclosure.edit")
    return post_action(
        request,
        lambda: attachment_services.attachment_remove(actor=request.user, attachment=item),
        success=_("已删除附件"),
        redirect_to=reverse("disclosure:notice", args=[item.notice_id]),
    )


@login_required
def objection_answer(request: HttpRequest, pk: int) -> HttpResponse:
    objection = selectors.objection_get(request.user, pk)
    initial = initial_from(objection, "answer", answered_on=objection.answered_on or timezone.localdate())
    return form_page(
        request,
        AnswerForm(request.POST or None, initial=initial),
        save=lambda data: objection_services.objection_answer(
            actor=request.user, objection=objection, **data
        ),
        success=_("已答复"),
        redirect_to=reverse("disclosure:notice", args=[objection.notice_id]),
        template="disclosure/answer.html",
        context={"objection": objection, "org": objection.organisation},
    )


@login_required
def notices_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "disclosure.view")
    return export_or_job(request, NOTICES, NOTICES.choose(request.GET.get("format")), obj=org)
