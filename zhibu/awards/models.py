"""评先评优: a campaign (a branch's yearly selection by secret ballot and quantified score, or the
bureau's 两先一优 / 先进党支部 selection across its branches, which its 党委 decides), its kinds of
award with their quotas, nominations, the committee's criterion scores, and the ballot box.

Secrecy lives in the schema: what was voted (`Ballot`, `BallotChoice`) and who has voted
(`VoterMark`, the register) are tables apart. Neither refers to the other; ballots carry no time and
random UUID keys, so no id sequence, timestamp or ordering of one lines up with the other
(tests/test_secrecy.py reads the schema to prove it). The register's unique (campaign, person) is
what makes voting once-only under concurrent requests."""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Scope(models.TextChoices):
    BRANCH = "branch", _("支部评选（党员投票）")
    BUREAU = "bureau", _("上级党委评选（各支部推荐）")


class Recipient(models.TextChoices):
    PERSON = "person", _("党员个人")
    BRANCH = "branch", _("党支部")


class Source(models.TextChoices):
    SELF = "self", _("个人自荐")
    PEER = "peer", _("党员推荐")
    COMMITTEE = "committee", _("支委会提名")
    BRANCH = "branch", _("党支部推荐")


class Campaign(OrganisationOwned, VersionedModel):
    """One selection. Its organisation is the branch (scope branch: the members vote) or the
    上级党委 (scope bureau: the branches below nominate and the committee decides, no ballot)."""

    title = models.CharField(_("评选名称"), max_length=100)
    year = models.PositiveIntegerField(_("年度"))
    scope = models.CharField(_("评选方式"), max_length=10, choices=Scope.choices, default=Scope.BRANCH)
    opens_on = models.DateField(_("开始日期"), help_text=_("投票（或推荐）从这一天开始；当天的党员有投票权"))
    closes_on = models.DateField(_("截止日期"), help_text=_("投票（或推荐）到这一天结束，之后才能计票"))
    ballot_weight = models.DecimalField(
        _("投票得分权重（%）"),
        max_digits=5,
        decimal_places=2,
        default=100,
        help_text=_("综合得分中投票得分所占比例，其余为量化考核得分"),
    )
    published_on = models.DateField(_("公示日期"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("评先评优")
        verbose_name_plural = _("评先评优")
        indexes = [models.Index(fields=["organisation", "closes_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("awards:campaign", args=[self.pk])


class AwardKind(OrganisationOwned):
    """A kind of award of a campaign with its quota (优秀共产党员 4, 包教工作先进个人 2); what its
    winners' honour is called."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="kinds")
    name = models.CharField(_("奖项"), max_length=50)
    quota = models.PositiveSmallIntegerField(_("名额"))
    recipient = models.CharField(
        _("评选对象"), max_length=10, choices=Recipient.choices, default=Recipient.PERSON
    )
    honour_kind = models.CharField(_("荣誉类别"), max_length=20)
    honour_title = models.CharField(_("荣誉名称"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("奖项")
        verbose_name_plural = _("奖项")
        constraints = [models.UniqueConstraint(fields=["campaign", "name"], name="awardkind_unique_name")]

    def __str__(self) -> str:
        return f"{self.name}（{self.quota}名）"


class Criterion(OrganisationOwned):
    """A quantified criterion (日常工作表现, 活动参与度 …) with its weight; a campaign's weights sum
    to 100 %."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("考核项目"), max_length=50)
    weight = models.DecimalField(_("权重（%）"), max_digits=5, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("量化考核项目")
        verbose_name_plural = _("量化考核项目")
        constraints = [models.UniqueConstraint(fields=["campaign", "name"], name="criterion_unique_name")]

    def __str__(self) -> str:
        return f"{self.name}（{self.weight}%）"


class Nomination(OrganisationOwned):
    """A nominee for one kind: a member (person) or, for 先进党支部, the nominating branch itself
    (person empty). Its organisation is the nominee's branch (in a bureau campaign, the branch
    that nominated). `won` is set when the result is published (or the 党委 decides)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="nominations")
    kind = models.ForeignKey(AwardKind, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("被推荐人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("推荐方式"), max_length=10, choices=Source.choices)
    reason = models.TextField(_("推荐理由"), blank=True)
    won = models.BooleanField(_("当选"), null=True, blank=True)

    class Meta:
        verbose_name = _("推荐人选")
        verbose_name_plural = _("推荐人选")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "person"],
                condition=models.Q(person__isnull=False),
                name="nomination_unique_person",
            ),
            models.UniqueConstraint(
                fields=["kind", "organisation"],
                condition=models.Q(person__isnull=True),
                name="nomination_unique_branch",
            ),
        ]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else self.organisation.name
        return f"{self.kind.name}：{who}"

    @property
    def nominee(self) -> str:
        return self.person.name if self.person_id else self.organisation.name

    def get_absolute_url(self) -> str:
        return reverse("awards:campaign", args=[self.campaign_id])


class CriterionScore(OrganisationOwned):
    """The committee's score (0–100) of one nominee on one criterion."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("量化考核得分")
        verbose_name_plural = _("量化考核得分")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "criterion"], name="criterionscore_unique")
        ]


class Ballot(OrganisationOwned):
    """A cast ballot: a random key and the campaign, nothing else (no voter, no time)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("选票")
        verbose_name_plural = _("选票")


class BallotChoice(OrganisationOwned):
    """One name ticked on a ballot."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("选票内容")
        verbose_name_plural = _("选票内容")


class VoterMark(OrganisationOwned):
    """The register: this person has voted in this campaign (random key, no time)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("投票登记")
        verbose_name_plural = _("投票登记")
        constraints = [models.UniqueConstraint(fields=["campaign", "person"], name="votermark_once")]
