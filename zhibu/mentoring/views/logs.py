"""One mentoring log: its page with the previous versions, and the form that corrects it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import form_page, initial_from

from .. import access, log_edits, selectors, services
from ..forms import LogEditForm


@login_required
def log_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The log and every earlier wording of it, for whoever may read the case; the read is audited."""
    log = selectors.log_get(request.user, pk)
    revisions = list(selectors.log_revisions(log))
    log_edits.record_history_read(actor=request.user, log=log, shown=len(revisions))
    context = {
        "log": log,
        "case": log.case,
        "revisions": revisions,
        "can_edit": policy.has_perm(request.user, access.LOG_EDIT, log),
        "can_remove": policy.has_perm(request.user, access.LOG_REMOVE, log),
    }
    return render(request, "mentoring/log_detail.html", context)


@login_required
def log_edit(request: HttpRequest, pk: int) -> HttpResponse:
    log = selectors.log_get_for_edit(request.user, pk)
    # Asked again on the POST: a form opened on day 7 and saved on day 8 now needs the reason.
    needs_reason = log_edits.reason_required(request.user, log)
    form = LogEditForm(
        request.POST or None,
        initial=initial_from(log, *log_edits.LOG_FIELDS),
        needs_reason=needs_reason,
    )
    return form_page(
        request,
        form,
        save=lambda data: log_edits.log_update(
            actor=request.user,
            log=log,
            version=data.get("version"),
            data=data,
            reason=data.get("reason", ""),
        ),
        success=_("日志已修改") if not needs_reason else _("日志已修改，原内容已加密保存在修改记录中"),
        redirect_to=reverse("mentoring:log", args=[log.pk]),
        template="mentoring/log_edit.html",
        context={
            "log": log,
            "case": log.case,
            "needs_reason": needs_reason,
            "free_until": log_edits.free_edit_ends(log),
            "is_author": log.author_id == request.user.pk,
        },
        # The form shows the log's text: a read like the case page's.
        shown=lambda: services.record_read(actor=request.user, case=log.case, what=f"log {log.pk}"),
    )
