"""Items of the board: draft, edit, publish, withdraw — and drafts made from a ledger's
publishable source. Every text is checked as it is written (services.checks) and again at publish."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import optional_text, required_text
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import publishable

from ..audit_actions import DisclosureAction
from ..models import Kind, Notice, Status
from . import checks

EDITABLE = (Status.DRAFT, Status.WITHDRAWN)
MAX_BODY = 20000


def _fields(org: Organisation, *, kind, title, body, publish_from, publish_until) -> dict:
    if kind not in Kind.values:
        raise ValidationError({"kind": _("请选择类别")})
    fields = {
        "kind": kind,
        "title": required_text(title, "title", _("标题"), 100),
        "body": optional_text(body, "body", _("正文"), MAX_BODY),
        "publish_from": publish_from,
        "publish_until": publish_until,
    }
    checks.window(kind == Kind.NOTICE, publish_from, publish_until, publishing=False)
    checks.publishable_text(org, {"title": (_("标题"), fields["title"]), "body": (_("正文"), fields["body"])})
    return fields


@writes.service
def notice_create(
    *,
    actor,
    organisation: Organisation,
    kind: str,
    title: str,
    body: str = "",
    publish_from: date | None = None,
    publish_until: date | None = None,
) -> Notice:
    policy.require(actor, "disclosure.edit", organisation)
    fields = _fields(
        organisation,
        kind=kind,
        title=title,
        body=body,
        publish_from=publish_from,
        publish_until=publish_until,
    )
    notice = Notice(organisation=organisation, **fields)
    return writes.model_create(notice, actor=actor, action=DisclosureAction.NOTICE_CREATED)


@writes.service
def notice_update(
    *,
    actor,
    notice: Notice,
    version: int | None,
    kind: str,
    title: str,
    body: str = "",
    publish_from: date | None = None,
    publish_until: date | None = None,
) -> Notice:
    policy.require(actor, "disclosure.edit", notice)
    if notice.status not in EDITABLE:
        raise ValidationError(_("已发布的事项不能修改，请先撤回"))
    if notice.objections.exists() and kind != notice.kind:
        raise ValidationError({"kind": _("该公示已收到异议，不能改为其他类别")})
    fields = _fields(
        notice.organisation,
        kind=kind,
        title=title,
        body=body,
        publish_from=publish_from,
        publish_until=publish_until,
    )
    return writes.model_update(
        notice, actor=actor, action=DisclosureAction.NOTICE_UPDATED, version=version, fields=fields
    )


@writes.service
def notice_publish(*, actor, notice: Notice, version: int | None) -> Notice:
    """发布: the item goes on the public board for its window. Every check runs again, on what is
    stored now: the window, the text, the source."""
    policy.require(actor, "disclosure.publish", notice)
    if notice.status == Status.PUBLISHED:
        raise ValidationError(_("该事项已发布"))
    checks.window(notice.is_notice, notice.publish_from, notice.publish_until, publishing=True)
    checks.not_sensitive(notice.source_code)
    checks.publishable_text(
        notice.organisation, {"title": (_("标题"), notice.title), "body": (_("正文"), notice.body)}
    )
    today = timezone.localdate()
    if notice.publish_until is not None and notice.publish_until < today:
        raise ValidationError({"publish_until": _("公开截止日期已过，请修改公开期限后再发布")})
    return writes.model_update(
        notice,
        actor=actor,
        action=DisclosureAction.NOTICE_PUBLISHED,
        version=version,
        fields={
            "status": Status.PUBLISHED,
            "published_on": today,
            "published_by": actor,
            "withdrawn_on": None,
            "withdraw_reason": "",
        },
    )


@writes.service
def notice_withdraw(*, actor, notice: Notice, version: int | None, reason: str = "") -> Notice:
    """撤回: off the public board at once; the item and its objections are kept."""
    policy.require(actor, "disclosure.publish", notice)
    if notice.status != Status.PUBLISHED:
        raise ValidationError(_("只有已发布的事项可以撤回"))
    return writes.model_update(
        notice,
        actor=actor,
        action=DisclosureAction.NOTICE_WITHDRAWN,
        version=version,
        fields={
            "status": Status.WITHDRAWN,
            "withdrawn_on": timezone.localdate(),
            "withdraw_reason": optional_text(reason, "reason", _("撤回原因"), 200),
        },
    )


@writes.service
def notice_from_source(
    *, actor, organisation: Organisation, source_code: str, period: Period, index: int
) -> Notice:
    """A draft item from one of a ledger's publishable drafts ("从台账生成"): the user must read
    that ledger; a sensitive source is refused; the kind is the draft's."""
    policy.require(actor, "disclosure.edit", organisation)
    source = publishable.get(source_code)
    policy.require(actor, source.perm, organisation)
    checks.not_sensitive(source.code)
    drafts = source.build(organisation, period)
    if not 0 <= index < len(drafts):
        raise ValidationError(_("所选草稿已不存在，请刷新后重试"))
    draft = drafts[index]
    kind = draft.kind if draft.kind in Kind.values else source.kind
    fields = _fields(
        organisation,
        kind=kind,
        title=draft.title[:100],
        body=draft.body,
        publish_from=None,
        publish_until=None,
    )
    notice = Notice(
        organisation=organisation, source_code=source.code, source_ref=draft.source[:100], **fields
    )
    return writes.model_create(notice, actor=actor, action=DisclosureAction.NOTICE_CREATED)
