"""销号 and reopening. A committee member other than the pledger closes an item with evidence (a
text, or an attachment judged by its bytes); reopening needs a reason. Each is a row of the item's
history (ItemClosing) and an audit entry; the item carries only its current state."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.periods import cn_date
from zhibu.core.uploads import store_upload
from zhibu.core.versioning import StaleEdit

from ..audit_actions import PledgesAction
from ..models import ClosingKind, ItemClosing, PledgeItem, attachment_name_for
from .common import not_before, not_future, optional_text, required_text


def _verifier(actor, item: PledgeItem):
    """The one who verifies: a person of the branch's committee (pledges.verify), never the pledger."""
    policy.require(actor, "pledges.verify", item)
    person = policy.person_of(actor)
    if person is None:
        raise ValidationError(_("核验人须为本支部书记或支委，当前账号未关联人员。"))
    if person.pk == item.pledger_id:
        raise ValidationError(_("不能为自己的承诺事项销号或重新打开，请由书记或其他支委核验。"))
    return person


def _seen(item: PledgeItem, version: int | None) -> None:
    # Checked before any file is stored: a stale form leaves nothing behind.
    if version is None or version != item.version:
        raise StaleEdit(_("该事项已被他人修改，请刷新后再试。"))


def _stored(upload: UploadedFile, item: PledgeItem) -> dict:
    """Evidence is a photo, a scan, a PDF, a Word or Excel file — judged by its bytes."""
    name, content_type, original = store_upload(
        upload, lambda ext: attachment_name_for(item.organisation, f"file{ext}")
    )
    return {"attachment": name, "attachment_type": content_type, "attachment_name": original}


@writes.service
def item_close(
    *,
    actor,
    item: PledgeItem,
    version: int | None,
    closed_on: date | None = None,
    evidence: str = "",
    attachment: UploadedFile | None = None,
) -> PledgeItem:
    verifier = _verifier(actor, item)
    if item.is_closed:
        raise ValidationError(_("该事项已于%(day)s销号。") % {"day": cn_date(item.closed_on)})
    closed_on = not_future(closed_on or timezone.localdate(), "closed_on", _("销号日期"))
    not_before(closed_on, item.pledge.starts_on, "closed_on", _("销号日期"), _("承诺日期"))
    evidence = optional_text(evidence, "evidence", _("完成情况"), 2000)
    if not evidence and not attachment:
        raise ValidationError({"evidence": _("销号需要填写完成情况或上传佐证材料。")})
    _seen(item, version)
    closing = ItemClosing(
        item=item,
        organisation=item.organisation,
        kind=ClosingKind.CLOSED,
        day=closed_on,
        verifier=verifier,
        evidence=evidence,
        **(_stored(attachment, item) if attachment else {}),
    )
    closing.full_clean()
    closing.save()
    return writes.model_update(
        item,
        actor=actor,
        action=PledgesAction.ITEM_CLOSED,
        version=version,
        fields={"closed_on": closed_on, "verifier": verifier},
        extra_after={"evidence": evidence, "attachment": closing.attachment.name or ""},
    )


@writes.service
def item_reopen(
    *, actor, item: PledgeItem, version: int | None, reason: str, reopened_on: date | None = None
) -> PledgeItem:
    """The closing stays in the history; the item is open again until it is closed anew.
    `reopened_on` (default today) is for entering a paper ledger's history afterwards."""
    verifier = _verifier(actor, item)
    if not item.is_closed:
        raise ValidationError(_("该事项尚未销号，无需重新打开。"))
    reason = required_text(reason, "reason", _("重新打开原因"), 1000)
    day = not_future(reopened_on or timezone.localdate(), "reopened_on", _("重新打开日期"))
    not_before(day, item.closed_on, "reopened_on", _("重新打开日期"), _("销号日期"))
    _seen(item, version)
    ItemClosing.objects.create(
        item=item,
        organisation=item.organisation,
        kind=ClosingKind.REOPENED,
        day=day,
        verifier=verifier,
        reason=reason,
    )
    return writes.model_update(
        item,
        actor=actor,
        action=PledgesAction.ITEM_REOPENED,
        version=version,
        fields={"closed_on": None, "verifier": None},
        extra_after={"reason": reason},
    )
