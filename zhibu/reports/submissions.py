"""Submission services: a branch submits a bulletin or summary to its superior, which receives it
or returns it with a reason; the superior sets the deadlines. Transitions are a table, and any
other move is refused with a message."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.audit import snapshot
from zhibu.core.versioning import update_versioned

from . import deadlines, drafting
from .audit_actions import ReportsAction
from .models import SUBMITTABLE, ReportDocument, Submission, SubmissionDeadline

S = Submission.Status
TRANSITIONS = {
    "submit": ({S.DRAFT, S.RETURNED}, S.SUBMITTED),
    "receive": ({S.SUBMITTED}, S.RECEIVED),
    "return": ({S.SUBMITTED}, S.RETURNED),
}


DECISIONS = {"receive": ReportsAction.SUBMISSION_RECEIVED, "return": ReportsAction.SUBMISSION_RETURNED}


def _move(submission: Submission, action: str) -> str:
    allowed, target = TRANSITIONS[action]
    if submission.status not in allowed:
        raise ValidationError(
            _("当前状态为“%(s)s”，不能执行该操作。") % {"s": submission.get_status_display()}
        )
    return target


@writes.service
def submission_submit(*, actor, document: ReportDocument, version: int | None = None) -> Submission:
    policy.require(actor, "reports.submit", document)
    if document.kind not in SUBMITTABLE:
        raise ValidationError(_("台账无需报送。"))
    org = document.organisation
    if org.parent_id is None:
        raise ValidationError(_("%(org)s没有上级党组织，无法报送。") % {"org": org.name})
    submission, created = Submission.objects.get_or_create(
        document=document,
        defaults={
            "organisation": org,
            "to_organisation": org.parent,
            "kind": document.kind,
            "due_on": deadlines.due_for(org, document.kind, drafting.period_of(document)),
        },
    )
    target = _move(submission, "submit")
    return writes.model_update(
        submission,
        actor=actor,
        action=ReportsAction.SUBMISSION_SUBMITTED,
        version=submission.version if created or version is None else version,
        fields={
            "status": target,
            "submitted_at": timezone.now(),
            "revision_number": document.revision_number,
            "reason": "",
        },
    )


@writes.service
def submission_decide(
    *, actor, submission: Submission, action: str, reason: str = "", version: int | None
) -> Submission:
    """The superior receives a submission, or returns it with a reason."""
    policy.require(actor, "reports.receive", submission)
    if action not in DECISIONS:
        raise ValidationError(_("未知的操作。"))
    reason = reason.strip()
    if action == "return" and not reason:
        raise ValidationError({"reason": _("退回时必须填写退回原因。")})
    target = _move(submission, action)
    return writes.model_update(
        submission,
        actor=actor,
        action=DECISIONS[action],
        version=version,
        fields={"status": target, "decided_at": timezone.now(), "reason": reason},
    )


@writes.service
def deadline_set(
    *, actor, organisation, kind: str, weekday: int | None, day_of_month: int | None
) -> SubmissionDeadline:
    policy.require(actor, "reports.deadlines", organisation)
    if kind == "weekly":
        if weekday is None or not 0 <= weekday <= 6:
            raise ValidationError({"weekday": _("周信息须选择每周的截止日（星期一至星期日）。")})
        day_of_month = None
    elif kind == "monthly":
        if day_of_month is None or not 1 <= day_of_month <= 31:
            raise ValidationError({"day_of_month": _("月工作总结须填写次月截止日（1至31）。")})
        weekday = None
    else:
        raise ValidationError({"kind": _("只能为周信息或月工作总结设置报送时限。")})
    deadline, created = SubmissionDeadline.objects.get_or_create(
        organisation=organisation, kind=kind, defaults={"weekday": weekday, "day_of_month": day_of_month}
    )
    before = None if created else snapshot(deadline)
    if not created:
        update_versioned(deadline, deadline.version, weekday=weekday, day_of_month=day_of_month)
    audit.record(actor, ReportsAction.DEADLINE_SET, deadline, before=before, after=snapshot(deadline))
    return deadline
