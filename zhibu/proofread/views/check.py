"""文稿校对 pages: paste a text and accept suggestions one by one (a plain form POST, no script
needed); the branch's own entries."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import policy
from zhibu.core.registries import proofing
from zhibu.core.web import chosen_organisation, form_page, post_action

from .. import selectors, services
from ..checker import check
from ..forms import CheckForm, EntryForm


def _accepted(request: HttpRequest, text: str, org) -> str:
    """The text with the posted suggestion (or all of them) applied; unchanged, with a message, when
    the text changed since it was checked."""
    if "accept_all" in request.POST:
        found = check(text, org)
        if found:
            messages.success(request, _("已改正%(n)d处。") % {"n": len(found)})
        return proofing.apply_all(text, found)
    token = request.POST.get("accept", "")
    if not token:
        return text
    chosen = proofing.find(check(text, org), token)
    if chosen is None:
        messages.error(request, _("文字已改动，这条建议不再适用，请看重新检查的结果。"))
        return text
    fixed = {"wrong": chosen.wrong, "right": chosen.right}
    messages.success(request, _("已将“%(wrong)s”改为“%(right)s”。") % fixed)
    return proofing.apply(text, chosen)


@login_required
def check_page(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "proofread.use")
    context = {"org": org, "can_manage": policy.has_perm(request.user, "proofread.manage", org)}
    if request.method != "POST":
        return render(request, "proofread/check.html", {**context, "form": CheckForm()})
    form = CheckForm(request.POST)
    form.is_valid()
    try:
        text = services.text_checked(form.cleaned_data.get("text", ""))
    except ValidationError as exc:
        form.add_error("text", exc.message_dict["text"])
        return render(request, "proofread/check.html", {**context, "form": form}, status=400)
    text = _accepted(request, text, org)
    found = check(text, org)
    context |= {
        "form": CheckForm(initial={"text": text}),
        "checked": True,
        "suggestions": found,
        "segments": proofing.segments(text, found),
    }
    return render(request, "proofread/check.html", context)


@login_required
def entries(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "proofread.manage")
    return form_page(
        request,
        EntryForm(request.POST or None),
        save=lambda data: services.entry_add(actor=request.user, organisation=org, **data),
        success=lambda entry: _("已添加词条“%(entry)s”。") % {"entry": entry},
        redirect_to=entry_list_url(org),
        template="proofread/entries.html",
        context=lambda: {"org": org, "entries": selectors.entries_of(org)},
        invalid_status=400,
    )


@login_required
@require_POST
def entry_remove(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get(request.user, pk)
    return post_action(
        request,
        lambda: services.entry_remove(actor=request.user, entry=entry),
        success=_("已删除词条。"),
        redirect_to=entry_list_url(entry.organisation),
    )


def entry_list_url(org) -> str:
    return f"{reverse('proofread:entries')}?org={org.code}"
