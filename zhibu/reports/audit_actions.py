"""Audit actions of the documents and submissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class ReportsAction(models.TextChoices):
    DOCUMENT_GENERATED = "reports.document.generated", _("起草材料")
    PARAGRAPH_EDITED = "reports.paragraph.edited", _("修改段落")
    DOCUMENT_RECHECKED = "reports.document.rechecked", _("重新核对数字")
    DOCUMENT_REDRAFTED = "reports.document.redrafted", _("重新起草")
    DOCUMENT_EXPORTED = "reports.document.exported", _("下载材料")
    LEDGER_EXPORTED = "reports.ledger.exported", _("导出台账")
    SUBMISSION_SUBMITTED = "reports.submission.submitted", _("报送材料")
    SUBMISSION_RECEIVED = "reports.submission.receive", _("签收材料")
    SUBMISSION_RETURNED = "reports.submission.return", _("退回材料")
    DEADLINE_SET = "reports.deadline.set", _("设置报送期限")
