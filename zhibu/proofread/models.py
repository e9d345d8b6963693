"""文稿校对: a branch's own confusion entries, added to the built-in list (data/confusions.toml).

Contexts are plain text (not regex): the entry applies only where `before` ends just before the
wrong form and `after` starts just after it, so a branch can mark 学校的开展 without touching 开展活动.
An organisation's entries apply to it and to every organisation under it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned


class ConfusionEntry(OrganisationOwned):
    wrong = models.CharField(_("错误写法"), max_length=20)
    right = models.CharField(_("正确写法"), max_length=20)
    before = models.CharField(_("前文"), max_length=20, blank=True)
    after = models.CharField(_("后文"), max_length=20, blank=True)
    note = models.CharField(_("说明"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("校对词条")
        verbose_name_plural = _("校对词条")
        ordering = ["wrong", "pk"]

    def __str__(self) -> str:
        return f"{self.before}{self.wrong}{self.after} → {self.right}"
