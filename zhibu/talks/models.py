"""谈心谈话: a committee member's talk with a member, an activist or a staff member of the branch,
and the branch's monthly quota of talks per committee member.

The content and follow-up are private to the talker and the secretary (talks/roles.py); the list
shows that a talk happened (date, who, topic) to the branch's officers only.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class TalkSettings(VersionedModel):
    """The branch's quota; without a row the default applies (the seed's "每月2—3次")."""

    DEFAULT_QUOTA = 2

    organisation = models.OneToOneField("core.Organisation", on_delete=models.PROTECT, related_name="+")
    monthly_quota = models.PositiveSmallIntegerField(_("每名支委每月谈心谈话（次）"), default=DEFAULT_QUOTA)

    class Meta:
        verbose_name = _("谈心谈话要求")
        verbose_name_plural = _("谈心谈话要求")

    def __str__(self) -> str:
        return f"{self.organisation} {self.monthly_quota}次/月"


class Talk(OrganisationOwned, VersionedModel):
    held_on = models.DateField(_("谈话日期"))
    talker = models.ForeignKey(
        "core.Person", verbose_name=_("谈话人（支委）"), on_delete=models.PROTECT, related_name="+"
    )
    talked_with = models.ForeignKey(
        "core.Person", verbose_name=_("谈话对象"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("谈话主题"), max_length=100)
    content = models.TextField(_("谈话内容"))
    follow_up = models.TextField(_("后续跟进"), blank=True)

    class Meta:
        verbose_name = _("谈心谈话")
        verbose_name_plural = _("谈心谈话")
        indexes = [
            models.Index(fields=["organisation", "held_on"]),
            models.Index(fields=["talker", "held_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.talker.name}与{self.talked_with.name}谈心谈话"

    def get_absolute_url(self) -> str:
        return reverse("talks:talk", args=[self.pk])
