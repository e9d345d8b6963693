"""Writes of the bureau app: a committee issues a notice to its branches; a branch records the day
it relayed the document to its members (or did what was asked)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation

from . import selectors
from .audit_actions import BureauAction
from .models import Notice, NoticeReceipt


@writes.service
def notice_issue(
    *,
    actor,
    organisation: Organisation,
    title: str,
    body: str = "",
    kind: str = Notice.Kind.RELAY,
    due_on: date | None,
    targets: list[Organisation] | None = None,
) -> Notice:
    """`targets` None: every branch below `organisation`; else the branches chosen (at least one)."""
    policy.require(actor, "bureau.notices.issue", organisation)
    errors: dict[str, str] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = _("请填写通知标题。")
    if kind not in Notice.Kind.values:
        errors["kind"] = _("请选择通知类别（传达学习或报送材料）。")
    today = timezone.localdate()
    if due_on is None:
        errors["due_on"] = _("请填写完成期限。")
    elif due_on < today:
        errors["due_on"] = _("完成期限%(d)s已过，请填写今天或以后的日期。") % {"d": due_on.isoformat()}
    branches = list(selectors.branches_under(organisation))
    if not branches:
        errors["targets"] = _("%(org)s下没有党支部，无法发布通知。") % {"org": organisation.name}
    if targets is not None:
        allowed = {b.pk for b in branches}
        strangers = [t.name for t in targets if t.pk not in allowed]
        if not targets:
            errors["targets"] = _("请至少选择一个接收通知的党支部，或选择“全部下级支部”。")
        elif strangers:
            errors["targets"] = _("%(names)s不是%(org)s的下级党支部。") % {
                "names": "、".join(strangers),
                "org": organisation.name,
            }
    if errors:
        raise ValidationError(errors)
    notice = Notice(
        organisation=organisation,
        title=title,
        body=(body or "").strip(),
        kind=kind,
        due_on=due_on,
        all_branches=targets is None,
        issued_by=actor,
    )
    chosen = sorted({t.pk: t for t in targets}.values(), key=lambda t: t.path) if targets else []
    writes.model_create(
        notice, actor=actor, action=BureauAction.NOTICE_ISSUED, extra={"targets": [t.code for t in chosen]}
    )
    if chosen:
        notice.targets.set(chosen)
    return notice


@writes.service
def notice_relay(
    *, actor, notice: Notice, branch: Organisation, done_on: date | None, note: str = ""
) -> NoticeReceipt:
    """Record once that `branch` relayed the notice to its members (or reported) on `done_on`."""
    policy.require(actor, "bureau.notices.relay", branch)
    if not selectors.notices_for(branch).filter(pk=notice.pk).exists():
        raise ValidationError(_("该通知不是发给%(org)s的。") % {"org": branch.name})
    today = timezone.localdate()
    if done_on is None:
        raise ValidationError({"done_on": _("请填写传达（完成）日期。")})
    if done_on > today:
        raise ValidationError({"done_on": _("传达日期不能晚于今天（%(d)s）。") % {"d": today.isoformat()}})
    issued = timezone.localtime(notice.created_at).date()
    if done_on < issued:
        raise ValidationError(
            {"done_on": _("传达日期不能早于通知发布日期（%(d)s）。") % {"d": issued.isoformat()}}
        )
    if selectors.receipt_of(notice, branch) is not None:
        raise ValidationError(_("%(org)s已登记过该通知的落实情况。") % {"org": branch.name})
    receipt = NoticeReceipt(
        notice=notice, organisation=branch, done_on=done_on, note=(note or "").strip(), recorded_by=actor
    )
    return writes.model_create(receipt, actor=actor, action=BureauAction.NOTICE_RELAYED)
