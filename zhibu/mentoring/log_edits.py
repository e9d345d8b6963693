"""Correcting a mentoring log (包教日志).

A log is its author's draft for EDIT_DAYS after she wrote it: she may rewrite it freely and nothing
of the old wording is kept (it was never more than a draft). After that, and whenever someone other
than the author corrects it (only the secretary may: access.can_edit_log), the correction needs a
reason and the text it replaces is kept as an encrypted LogRevision, so the diary stays a record
of what was written when. The previous versions are read only on the log's page by those who may
read the case, and every such read is audited; they never reach the bureau, a figure or an export
(the booklet prints the current text only).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.models import User

from . import access
from .audit_actions import MentoringAction
from .models import LogRevision, MentoringLog
from .services import clean_log_fields

EDIT_DAYS = 7
LOG_FIELDS = ("on", "dimension", "text", "observation")


def free_edit_ends(log: MentoringLog):
    return log.created_at + timedelta(days=EDIT_DAYS)


def reason_required(actor: User, log: MentoringLog, now=None) -> bool:
    """The author within EDIT_DAYS of writing the log needs none; everyone else, always."""
    is_author = log.author_id is not None and log.author_id == actor.pk
    return not is_author or (now or timezone.now()) > free_edit_ends(log)


def can_remove_log(user: User, log: MentoringLog) -> bool:
    """access.LOG_REMOVE's rule: the secretary always; the author only within the days she may
    still rewrite it freely — once it needs a reason to change, it is the ledger's, not her draft."""
    case = log.case
    if not access.can_edit(user, case):
        return False
    return access.manages_case(user, case) or not reason_required(user, log)


@writes.service
def log_update(
    *, actor: User, log: MentoringLog, version: int | None, data: dict[str, Any], reason: str = ""
) -> MentoringLog:
    policy.require(actor, access.LOG_EDIT, log)
    if log.purged:
        raise ValidationError(_("该日志正文已按保留期限清除，不能再修改。"))
    fields = clean_log_fields(log.case, **{name: data.get(name) for name in LOG_FIELDS})
    if all(getattr(log, name) == value for name, value in fields.items()):
        raise ValidationError(_("日志内容没有变化，未保存。"))
    reason = (reason or "").strip()
    revision = None
    if reason_required(actor, log):
        if not reason:
            if log.author_id == actor.pk:
                message = _("超过%(n)d天的日志需要填写修改原因。") % {"n": EDIT_DAYS}
            else:
                message = _("修改他人填写的日志需要填写修改原因。")
            raise ValidationError({"reason": message})
        if len(reason) > 200:
            raise ValidationError({"reason": _("修改原因不能超过200个字。")})
        # Taken before the update overwrites the row; saved after it, so a stale version keeps nothing.
        revision = LogRevision(
            log=log,
            organisation_id=log.organisation_id,
            **{name: getattr(log, name) for name in LOG_FIELDS},
            reason=reason,
            changed_by=actor,
        )
    log = writes.model_update(
        log,
        actor=actor,
        action=MentoringAction.LOG_CHANGED,
        version=version,
        fields=fields,
        # The reason is encrypted on the revision; the trail says only that one was kept.
        extra_after={"previous_kept": revision is not None},
        object_repr=str(log.case),
    )
    if revision is not None:
        revision.full_clean(exclude=["log", "changed_by"])
        revision.save()
    return log


def record_history_read(*, actor: User, log: MentoringLog, shown: int) -> None:
    """One audit entry per page showing a log's previous versions, like every read of case content."""
    audit.record(
        actor, MentoringAction.LOG_HISTORY_READ, log, after={"revisions": shown}, object_repr=str(log.case)
    )
