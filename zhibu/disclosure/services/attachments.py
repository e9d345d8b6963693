"""Files published with an item: judged by their bytes, cleaned of document metadata before they
are stored (disclosure.scrub), so the stored file is the published one."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.uploads import check_upload, clean_name

from .. import scrub
from ..audit_actions import DisclosureAction
from ..models import Notice, NoticeAttachment
from .notices import EDITABLE

ACCEPT = (".jpg", ".jpeg", ".png", ".docx", ".xlsx")
MAX_PER_NOTICE = 10


def _refuse(message: str) -> ValidationError:
    return ValidationError({"upload": message})


@writes.service
def attachment_add(*, actor, notice: Notice, upload: UploadedFile | None) -> NoticeAttachment:
    policy.require(actor, "disclosure.edit", notice)
    if notice.status not in EDITABLE:
        raise _refuse(_("已发布的事项不能添加附件，请先撤回"))
    if upload is None:
        raise _refuse(_("请选择要上传的文件"))
    if notice.attachments.count() >= MAX_PER_NOTICE:
        raise _refuse(_("每个事项最多%(n)d个附件") % {"n": MAX_PER_NOTICE})
    name = clean_name(upload.name or "")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head.startswith(b"%PDF-") or PurePath(name).suffix.lower() == ".pdf":
        raise _refuse(
            _("“%(name)s”是PDF文件：系统无法清除PDF中的作者等文档信息，请另存为Word（.docx）或图片后上传")
            % {"name": name}
        )
    try:
        kind = check_upload(upload, accept=ACCEPT)
    except ValidationError as exc:
        raise _refuse(" ".join(exc.messages)) from exc
    try:
        cleaned = scrub.clean(upload.read(), kind.ext)
    except scrub.Hostile as exc:
        raise _refuse(_("“%(name)s”：%(reason)s") % {"name": name, "reason": exc}) from None
    except scrub.Unreadable:
        raise _refuse(_("“%(name)s”文件已损坏，无法读取") % {"name": name}) from None
    attachment = NoticeAttachment(
        organisation=notice.organisation,
        notice=notice,
        filename=name[:120],
        content_type=kind.content_type,
        size=len(cleaned),
    )
    attachment.file.save(f"file{kind.ext}", ContentFile(cleaned), save=False)
    return writes.model_create(attachment, actor=actor, action=DisclosureAction.ATTACHMENT_ADDED)


@writes.service
def attachment_remove(*, actor, attachment: NoticeAttachment) -> Notice:
    policy.require(actor, "disclosure.edit", attachment)
    notice = attachment.notice
    if notice.status not in EDITABLE:
        raise ValidationError(_("已发布的事项不能删除附件，请先撤回"))
    before = audit.snapshot(attachment)
    stored = attachment.file.name
    attachment.delete()
    audit.record(actor, DisclosureAction.ATTACHMENT_REMOVED, notice, before=before, after={"file": stored})
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(stored))  # the file goes only if the row did
    return notice
