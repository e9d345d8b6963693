"""Removing a record (a reason asked, then into the 回收站) and the secretary's recycle bin."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import policy, recycle
from .registries import removals
from .web import call_service, paginate


class RemoveForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("删除原因"), max_length=200)


@login_required
def remove(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    spec = removals.get(model)
    obj = spec.get(request.user, pk)  # the ledger's scoped selector: another branch's record is a 404
    policy.require(request.user, spec.perm, obj)
    form = RemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        removed = call_service(
            form,
            recycle.record_remove,
            actor=request.user,
            model=model,
            obj=obj,
            reason=form.cleaned_data["reason"],
        )
        if removed:
            messages.success(
                request,
                _("已删除“%(label)s”。%(n)d天内可由书记在回收站中恢复。")
                % {"label": removed.label, "n": recycle.days()},
            )
            return redirect(spec.after)
    context = {"form": form, "obj": obj, "spec": spec, "label": spec.label(obj), "days": recycle.days()}
    return render(request, "core/remove_confirm.html", context)


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
    try:
        recycle.record_restore(actor=request.user, removed=removed)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已恢复“%(label)s”。") % {"label": removed.label})
    return redirect("core:recycle")
