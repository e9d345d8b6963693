"""The public board (党务公开栏): no login. One organisation's items that are published and inside
their window today, an item's page, its attachments (stored already cleaned of metadata), and a
公示's objection form. Nothing here reads a draft, a withdrawn item, another branch's row or an
objector's contact. CSRF protection stays on for the objection form (the page sets the cookie)."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from zhibu.core import downloads
from zhibu.core.web import call_service

from .. import selectors
from ..forms import ObjectionForm
from ..services import objections as services

# At most this many objections from one address to one 公示 an hour: a whole school may share one
# address, so the limit is generous, but a script cannot fill the secretary's list.
OBJECTIONS_PER_HOUR = 20


def board(request: HttpRequest, code: str) -> HttpResponse:
    org = selectors.board_organisation(code)
    today = timezone.localdate()
    context = {"org": org, "items": list(selectors.public_items(org, today)[:200]), "today": today}
    return render(request, "disclosure/public_board.html", context)


def _item_page(
    request: HttpRequest, org, notice, form: ObjectionForm | None, status: int = 200
) -> HttpResponse:
    today = timezone.localdate()
    open_now = services.open_for_objections(notice, today)
    context = {
        "org": org,
        "notice": notice,
        "attachments": selectors.attachments_of(notice),
        "form": (form or ObjectionForm()) if open_now else None,
    }
    return render(request, "disclosure/public_item.html", context, status=status)


@ensure_csrf_cookie
def item(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    org = selectors.board_organisation(code)
    notice = selectors.public_item(org, pk, timezone.localdate())
    return _item_page(request, org, notice, None)


def attachment(request: HttpRequest, code: str, pk: int, file_pk: int) -> HttpResponse:
    org = selectors.board_organisation(code)
    notice = selectors.public_item(org, pk, timezone.localdate())
    item = selectors.public_attachment(notice, file_pk)
    return downloads.file_response(
        item.file.open("rb"), filename=item.filename, content_type=item.content_type
    )


def _over_limit(request: HttpRequest, notice) -> bool:
    key = f"disclosure:objections:{notice.pk}:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        return False
    return count > OBJECTIONS_PER_HOUR


@require_POST
def objection(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    org = selectors.board_organisation(code)
    notice = selectors.published_item(org, pk)
    refusal = services.objection_refusal(notice, timezone.localdate())
    if refusal:  # the period is over (the item left the board) or this is no 公示: say so, write nothing
        messages.error(request, refusal)
        return redirect("board:index", code=org.code)
    form = ObjectionForm(request.POST)
    if _over_limit(request, notice):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试"))
        return _item_page(request, org, notice, form, status=429)
    if form.is_valid() and call_service(
        form, services.objection_submit, actor=request.user, notice=notice, **form.cleaned_data
    ):
        messages.success(request, _("您的意见已提交，党支部将在公示期内答复"))
        return redirect("board:item", code=org.code, pk=notice.pk)
    return _item_page(request, org, notice, form, status=400)
