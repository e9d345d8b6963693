"""满意度测评: a survey of staff or parents with rated questions (满意 / 基本满意 / 不满意) and free
text, answered without an account through one-time codes (printed slips, or a link carrying one).

Anonymity lives in the schema: a used code is kept only as a hash in `UsedCode`, which refers to
no response; responses and their answers have random UUID keys and no time finer than the day, so
neither a key sequence nor a timestamp ties a code to what was answered. Codes themselves are never
stored: each is derived from the survey's secret and its slip number (see tokens.py)."""

from __future__ import annotations

import secrets
import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Audience(models.TextChoices):
    STAFF = "staff", _("教职工")
    PARENTS = "parents", _("学生家长")
    PUBLIC = "public", _("群众")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class QuestionKind(models.TextChoices):
    RATING = "rating", _("满意度")
    TEXT = "text", _("意见建议")


def _secret() -> str:
    return secrets.token_hex(32)


class Survey(OrganisationOwned, VersionedModel):
    title = models.CharField(_("测评名称"), max_length=100)
    audience = models.CharField(_("测评对象"), max_length=10, choices=Audience.choices)
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    respondents = models.PositiveIntegerField(
        _("问卷份数"), help_text=_("发放的问卷码数，每份一个码，只能用一次")
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    secret = models.CharField(max_length=64, default=_secret, editable=False)
    note = models.TextField(_("说明"), blank=True, help_text=_("显示在问卷开头"))

    AUDIT_REDACT = ("secret", "public_id")  # the secret derives every code; neither belongs in the trail

    class Meta:
        verbose_name = _("满意度测评")
        verbose_name_plural = _("满意度测评")
        indexes = [models.Index(fields=["organisation", "closes_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey", args=[self.pk])


class Question(OrganisationOwned):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("题目"), max_length=200)
    kind = models.CharField(_("题型"), max_length=10, choices=QuestionKind.choices)

    class Meta:
        verbose_name = _("测评题目")
        verbose_name_plural = _("测评题目")

    def __str__(self) -> str:
        return self.text


class Response(OrganisationOwned):
    """One returned questionnaire: a random key and the day, nothing about who."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    answered_on = models.DateField(_("提交日期"))

    class Meta:
        verbose_name = _("答卷")
        verbose_name_plural = _("答卷")


class Answer(OrganisationOwned):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    rating = models.CharField(_("评价"), max_length=12, choices=Rating.choices, blank=True)
    text = models.TextField(_("意见建议"), blank=True)

    class Meta:
        verbose_name = _("答案")
        verbose_name_plural = _("答案")


class UsedCode(OrganisationOwned):
    """A code that has been used: its SHA-256 only, no response, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("已用问卷码")
        verbose_name_plural = _("已用问卷码")
        constraints = [models.UniqueConstraint(fields=["survey", "code_hash"], name="usedcode_once")]
