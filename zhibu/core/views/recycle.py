"""Removing a record (a reason asked, then into the 回收站) and the secretary's recycle bin."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import policy, recycle
from ..registries import removals
from ..web import form_page, paginate, post_action


class RemoveForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("删除原因"), max_length=200)


@login_required
def remove(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    spec = removals.get(model)
    obj = spec.get(request.user, pk)  # the ledger's scoped selector: another branch's record is a 404
    policy.require(request.user, spec.perm, obj)
    return form_page(
        request,
        RemoveForm(request.POST or None),
        save=lambda data: recycle.record_remove(
            actor=request.user, model=model, obj=obj, reason=data["reason"]
        ),
        success=lambda removed: _("已删除“%(label)s”。%(n)d天内可由书记在回收站中恢复。")
        % {"label": removed.label, "n": recycle.days()},
        redirect_to=spec.after,
        template="core/remove_confirm.html",
        context={"obj": obj, "spec": spec, "label": spec.label(obj), "days": recycle.days()},
    )


@login_required
def recycle_list(request: HttpRequest) -> HttpResponse:
    if not policy.has_perm(request.user, recycle.RESTORE):
        raise PermissionDenied
    page = paginate(request, recycle.removals_visible(request.user))
    return render(request, "core/recycle_list.html", {"page": page, "days": recycle.days()})


@login_required
@require_POST
def recycle_restore(request: HttpRequest, pk: int) -> HttpResponse:
    removed = get_object_or_404(recycle.removals_visible(request.user), pk=pk)
    return post_action(
        request,
        lambda: recycle.record_restore(actor=request.user, removed=removed),
        success=_("已恢复“%(label)s”。") % {"label": removed.label},
        redirect_to="core:recycle",
    )
