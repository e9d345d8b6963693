"""Writes for documents: generate, edit a paragraph, recheck figures, redraft. Each checks policy,
validates, writes a new revision and audits, in one transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.audit import snapshot
from zhibu.core.periods import Period
from zhibu.core.registries.sections import TOKEN
from zhibu.core.versioning import update_versioned

from . import drafting
from .audit_actions import ReportsAction
from .models import KIND_CHOICES, ReportDocument, ReportRevision

MAX_PARAGRAPH = 4000
NARRATIVE_KINDS = {k for k, _l in KIND_CHOICES if k != "ledger"}


def _add_revision(record: ReportDocument, *, actor, blocks, values, changes=None, note="") -> ReportRevision:
    return ReportRevision.objects.create(
        document=record,
        organisation=record.organisation,
        number=record.revision_number,
        blocks=blocks,
        values=values,
        changes=changes or {},
        note=note,
        edited_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


@writes.service
def document_generate(*, actor, organisation, kind: str, period: Period) -> ReportDocument:
    """Draft a document from the registries and keep it as revision 1."""
    policy.require(actor, "reports.edit", organisation)
    if kind not in NARRATIVE_KINDS:
        raise ValidationError({"kind": _("请选择周信息、月工作总结或年度总结。")})
    exists = ReportDocument.objects.filter(
        organisation=organisation, kind=kind, start=period.start, end=period.end
    )
    existing = exists.first()
    if existing is not None:
        # Point to it: the secretary's next step is to open that document, not to search for it.
        raise ValidationError(
            format_html(
                _('该期间的这类材料已经存在：<a href="{url}">{title}</a>。请打开它编辑或重新起草。'),
                url=existing.get_absolute_url(),
                title=existing.title,
            )
        )
    title, blocks, values = drafting.draft_payload(kind, organisation, period)
    record = ReportDocument.objects.create(
        organisation=organisation,
        kind=kind,
        period_kind=period.kind,
        start=period.start,
        end=period.end,
        title=title,
        revision_number=1,
    )
    _add_revision(record, actor=actor, blocks=blocks, values=values, note=_("系统起草"))
    audit.record(actor, ReportsAction.DOCUMENT_GENERATED, record, after=snapshot(record))
    return record


def _stored(record: ReportDocument) -> ReportRevision:
    revision = drafting.current_revision(record)
    if revision is None:
        raise ValidationError(_("该材料没有可编辑的版本。"))
    return revision


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("段落内容不能为空。")})
    if len(text) > MAX_PARAGRAPH:
        raise ValidationError({"text": _("段落过长（最多%(n)d字）。") % {"n": MAX_PARAGRAPH}})
    if text.count("{fig:") != len(TOKEN.findall(text)):
        raise ValidationError(
            {"text": _("数字引用格式有误：请保留形如 {fig:代码} 的引用，不要改动其中的字符。")}
        )
    unknown = drafting.unknown_references(text)
    if unknown:
        raise ValidationError({"text": _("没有名为 %(codes)s 的统计数。") % {"codes": "、".join(unknown)}})
    return text


@writes.service
def paragraph_edit(
    *, actor, document: ReportDocument, key: str, text: str, version: int | None
) -> ReportDocument:
    """Replace one paragraph's text; its figure references stay references (values recomputed)."""
    policy.require(actor, "reports.edit", document)
    text = _check_text(text)
    revision = _stored(document)
    blocks = [dict(b) for b in revision.blocks]
    target = next((b for b in blocks if b.get("type") == "para" and b.get("key") == key), None)
    if target is None:
        raise ValidationError(_("找不到要编辑的段落，可能已被重新起草，请刷新后再试。"))
    before = {"key": key, "text": target["text"]}
    target["text"] = text
    try:
        fresh = drafting.recompute(document, [target])
    except TypeError as exc:
        raise ValidationError({"text": _("数字引用的参数不正确：%(e)s") % {"e": exc}}) from None
    values = {**revision.values, **{k: v for k, v in fresh.items() if k not in revision.values}}
    update_versioned(document, version, revision_number=document.revision_number + 1)
    _add_revision(
        document, actor=actor, blocks=blocks, values=values, changes=revision.changes, note=_("编辑段落")
    )
    audit.record(
        actor, ReportsAction.PARAGRAPH_EDITED, document, before=before, after={"key": key, "text": text}
    )
    return document


@writes.service
def document_recheck(*, actor, document: ReportDocument, version: int | None) -> dict[str, dict]:
    """Recompute every referenced figure, keep the text as it is, and record which values changed."""
    policy.require(actor, "reports.edit", document)
    revision = _stored(document)
    values = drafting.recompute(document, revision.blocks)
    changes = drafting.diff(revision.values, values)
    update_versioned(document, version, revision_number=document.revision_number + 1)
    _add_revision(
        document, actor=actor, blocks=revision.blocks, values=values, changes=changes, note=_("重新核对数字")
    )
    audit.record(actor, ReportsAction.DOCUMENT_RECHECKED, document, after={"changed": sorted(changes)})
    return changes


@writes.service
def document_redraft(*, actor, document: ReportDocument, version: int | None) -> ReportDocument:
    """Throw the edits away and draft again from the registries (older revisions stay)."""
    policy.require(actor, "reports.edit", document)
    title, blocks, values = drafting.draft_payload(
        document.kind, document.organisation, drafting.period_of(document)
    )
    update_versioned(document, version, revision_number=document.revision_number + 1, title=title)
    _add_revision(document, actor=actor, blocks=blocks, values=values, note=_("重新起草"))
    audit.record(actor, ReportsAction.DOCUMENT_REDRAFTED, document, after=snapshot(document))
    return document
