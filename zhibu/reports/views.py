"""Document pages: list and generate, the HTML view with editing, recheck, redraft, downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import downloads, policy
from zhibu.core.periods import Period
from zhibu.core.web import call_service, chosen_organisation, paginate

from . import drafting, exporters, selectors, services
from .forms import GenerateForm, ParagraphForm, PeriodForm


def _defaults() -> dict:
    today = timezone.localdate()
    return {"kind": "annual", "start": today.replace(month=1, day=1), "end": today}


def _index(request: HttpRequest, org, form: GenerateForm | None = None, status: int = 200) -> HttpResponse:
    context = {
        "org": org,
        "page": paginate(request, selectors.documents_of(request.user, org)),
        "form": form or GenerateForm(initial=_defaults()),
        "ledger_form": PeriodForm(initial={"start": _defaults()["start"], "end": _defaults()["end"]}),
        "can_edit": policy.has_perm(request.user, "reports.edit", org),
        "orgs": policy.orgs_readable(request.user, "reports.view"),
    }
    return render(request, "reports/index.html", context, status=status)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return _index(request, chosen_organisation(request, "reports.view"))


@login_required
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "reports.edit")
    form = GenerateForm(request.POST)
    if form.is_valid():
        record = call_service(
            form,
            services.document_generate,
            actor=request.user,
            organisation=org,
            kind=form.cleaned_data["kind"],
            period=form.period(),
        )
        if record:
            messages.success(request, _("已根据台账起草，请核对后编辑。"))
            return redirect("reports:document", pk=record.pk)
    return _index(request, org, form, status=200)


@login_required
def document(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.document_get(request.user, pk)
    revision = drafting.current_revision(record)
    doc = drafting.load(record, revision)
    context = {
        "record": record,
        "document": doc,
        "revision": revision,
        "changed": [r for r in doc.figure_runs() if r.changed],
        "revisions": selectors.revisions_of(record)[:20],
        "editable": policy.has_perm(request.user, "reports.edit", record),
        "can_submit": policy.has_perm(request.user, "reports.submit", record) and record.kind != "ledger",
        "submission": selectors.submission_of(record),
        "formats": {r.fmt: r for r in exporters.SAVED_DOCUMENT.renderers()},
    }
    return render(request, "reports/document.html", context)


@login_required
def paragraph_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    record = selectors.document_get(request.user, pk, "reports.edit")
    doc = drafting.load(record)
    paragraph = next((p for p in doc.paragraphs() if p.key == key), None)
    if paragraph is None:
        raise Http404
    form = ParagraphForm(request.POST or None, initial={"text": paragraph.text, "version": record.version})
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            services.paragraph_edit,
            actor=request.user,
            document=record,
            key=key,
            text=form.cleaned_data["text"],
            version=form.cleaned_data.get("version"),
        )
        if done:
            messages.success(request, _("段落已保存为新版本。"))
            return redirect(f"{record.get_absolute_url()}#para-{key}")
    return render(
        request, "reports/paragraph_form.html", {"record": record, "paragraph": paragraph, "form": form}
    )


def _versioned_post(request: HttpRequest, pk: int, service, success: str) -> HttpResponse:
    record = selectors.document_get(request.user, pk, "reports.edit")
    version = request.POST.get("version")
    try:
        result = service(actor=request.user, document=record, version=int(version) if version else None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success(result) if callable(success) else success)
    return redirect(record.get_absolute_url())


@login_required
@require_POST
def recheck(request: HttpRequest, pk: int) -> HttpResponse:
    def said(changes: dict) -> str:
        if not changes:
            return _("已重新核对，所有数字与台账一致。")
        return _("已重新核对：%(n)d处数字与上次保存时不同，已在文中标黄，文字未改动。") % {"n": len(changes)}

    return _versioned_post(request, pk, services.document_recheck, said)


@login_required
@require_POST
def redraft(request: HttpRequest, pk: int) -> HttpResponse:
    return _versioned_post(request, pk, services.document_redraft, _("已重新起草（之前的版本仍保留）。"))


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    record = selectors.document_get(request.user, pk)
    return downloads.export(request.user, exporters.SAVED_DOCUMENT, fmt, obj=record)


@login_required
def workbook(request: HttpRequest) -> HttpResponse:
    """台账 workbook: one sheet per ledger, the records behind each figure, for any date span."""
    org = chosen_organisation(request, "reports.view")
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("请填写正确的起止日期（截止日期不能早于起始日期）。"))
        return _index(request, org, status=400)
    period = Period.span(form.cleaned_data["start"], form.cleaned_data["end"])
    return downloads.export(
        request.user,
        exporters.LEDGER_WORKBOOK,
        "xlsx",
        obj=org,
        period=period,
        after={"from": str(period.start), "to": str(period.end)},
    )
