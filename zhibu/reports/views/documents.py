"""Document pages: list and generate, the HTML view with editing, recheck, redraft, downloads."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import downloads, policy
from zhibu.core.jobs import job_start
from zhibu.core.periods import Period
from zhibu.core.registries import proofing
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, post_action

from .. import drafting, exporters, selectors, services
from ..builders.documents import title as document_title
from ..forms import GenerateForm, ParagraphForm, PeriodForm
from ..jobs import GENERATE, generate_params, runs_as_job


def _defaults() -> dict:
    today = timezone.localdate()
    return {"kind": "annual", "start": today.replace(month=1, day=1), "end": today}


def _index_context(request: HttpRequest, org) -> dict:
    return {
        "org": org,
        "page": paginate(request, selectors.documents_of(request.user, org)),
        "ledger_form": PeriodForm(initial={"start": _defaults()["start"], "end": _defaults()["end"]}),
        "can_edit": policy.has_perm(request.user, "reports.edit", org),
        "orgs": policy.orgs_readable(request.user, "reports.view"),
    }


def _index(request: HttpRequest, org, status: int = 200) -> HttpResponse:
    context = {**_index_context(request, org), "form": GenerateForm(initial=_defaults())}
    return render(request, "reports/index.html", context, status=status)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return _index(request, chosen_organisation(request, "reports.view"))


@login_required
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    """A week or a month of a branch is drafted in the request; a longer period, or an organisation
    with branches under it, is drafted by a background job whose page links to the document. A
    document the period already has is refused on this page either way, with a link to it."""
    org = chosen_organisation(request, "reports.edit")
    form = GenerateForm(request.POST)

    def save(data) -> Any:
        period = form.period()
        if not runs_as_job(org, period):
            return services.document_generate(
                actor=request.user, organisation=org, kind=data["kind"], period=period
            )
        services.document_generate_check(
            actor=request.user, organisation=org, kind=data["kind"], period=period
        )
        job = job_start(
            actor=request.user,
            organisation=org,
            kind=GENERATE,
            label=_("起草%(title)s") % {"title": document_title(data["kind"], org, period)},
            params=generate_params(data["kind"], period),
        )
        return redirect("core:job", pk=job.pk)

    return form_page(
        request,
        form,
        save=save,
        success=lambda result: None
        if isinstance(result, HttpResponse)
        else _("已根据台账起草，请核对后编辑。"),
        redirect_to=lambda result: result if isinstance(result, HttpResponse) else result.get_absolute_url(),
        template="reports/index.html",
        context=lambda: _index_context(request, org),
    )


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
    if context["editable"]:
        parts = [(p.key, p.text) for p in doc.paragraphs()]
        context["proofread"] = proofing.check_parts(parts, record.organisation)
    return render(request, "reports/document.html", context)


def _paragraph(record, key: str):
    paragraph = next((p for p in drafting.load(record).paragraphs() if p.key == key), None)
    if paragraph is None:
        raise Http404
    return paragraph


@login_required
def paragraph_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """The paragraph's source in a form, and above it the proofreader's suspected wrong words, each
    with a one-click correction (saved as a revision like any edit)."""
    record = selectors.document_get(request.user, pk, "reports.edit")
    paragraph = _paragraph(record, key)
    found = proofing.check(paragraph.text, record.organisation)
    return form_page(
        request,
        ParagraphForm(request.POST or None, initial=initial_from(record, text=paragraph.text)),
        save=lambda data: services.paragraph_edit(
            actor=request.user, document=record, key=key, text=data["text"], version=data.get("version")
        ),
        success=_("段落已保存为新版本。"),
        redirect_to=f"{record.get_absolute_url()}#para-{key}",
        template="reports/paragraph_form.html",
        context={
            "record": record,
            "paragraph": paragraph,
            "suggestions": found,
            "segments": proofing.segments(paragraph.text, found),
        },
    )


@login_required
@require_POST
def paragraph_accept(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Accept one proofreading suggestion: the paragraph with that word corrected is saved through
    the same service as a typed edit (a new revision, audited), at the version the page showed."""
    record = selectors.document_get(request.user, pk, "reports.edit")
    paragraph = _paragraph(record, key)
    back = reverse("reports:paragraph_edit", args=[record.pk, key])
    chosen = proofing.find(proofing.check(paragraph.text, record.organisation), request.POST.get("token", ""))
    if chosen is None:
        messages.error(request, _("段落已改动，这条校对建议不再适用，请看最新的提示。"))
        return redirect(back)
    version = request.POST.get("version", "")
    fixed = {"wrong": chosen.wrong, "right": chosen.right}
    return post_action(
        request,
        lambda: services.paragraph_edit(
            actor=request.user,
            document=record,
            key=key,
            text=proofing.apply(paragraph.text, chosen),
            version=int(version) if version.isdigit() else None,
        ),
        success=_("已将“%(wrong)s”改为“%(right)s”，保存为新版本。") % fixed,
        redirect_to=back,
    )


def _versioned_post(request: HttpRequest, pk: int, service, success) -> HttpResponse:
    record = selectors.document_get(request.user, pk, "reports.edit")
    version = request.POST.get("version")
    return post_action(
        request,
        lambda: service(actor=request.user, document=record, version=int(version) if version else None),
        success=success,
        redirect_to=record.get_absolute_url(),
    )


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
    return export_or_job(
        request,
        exporters.LEDGER_WORKBOOK,
        "xlsx",
        obj=org,
        label=_("导出%(org)s台账工作簿（%(period)s）") % {"org": org.name, "period": period.label},
        period=period,
        after={"from": str(period.start), "to": str(period.end)},
    )
