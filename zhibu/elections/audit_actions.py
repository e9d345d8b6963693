"""Audit actions of the elections ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class ElectionsAction(models.TextChoices):
    ELECTION_HELD = "elections.election.held", _("记录换届选举")
    BY_ELECTION_HELD = "elections.by_election.held", _("记录补选")
    RESULT_RECORDED = "elections.result.recorded", _("记录当选结果")
