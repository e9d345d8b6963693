"""Audit actions of the proofreader."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class ProofreadAction(models.TextChoices):
    ENTRY_ADDED = "proofread.entry.added", _("添加校对词条")
    ENTRY_REMOVED = "proofread.entry.removed", _("删除校对词条")
