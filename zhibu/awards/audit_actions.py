"""Audit actions of 评先评优. A vote is audited as "voted in campaign X" on the campaign, never
with the ballot (its id or choices): the audit trail is the register's twin, not the ballot box's."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class AwardsAction(models.TextChoices):
    CAMPAIGN_CREATED = "awards.campaign.created", _("发起评先评优")
    CAMPAIGN_UPDATED = "awards.campaign.updated", _("修改评先评优")
    NOMINATED = "awards.nomination.created", _("推荐人选")
    SCORED = "awards.scores.entered", _("录入量化考核得分")
    VOTED = "awards.campaign.voted", _("投票")
    DECIDED = "awards.nomination.decided", _("党委确定当选")
    PUBLISHED = "awards.campaign.published", _("公示评选结果")
    EXPORTED = "awards.tally.exported", _("导出计票结果")
