from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..crypto import EncryptedTextField
from .base import OrganisationOwned, VersionedModel


class PartyStatus(models.TextChoices):
    NONE = "none", _("群众")
    APPLICANT = "applicant", _("入党申请人")
    ACTIVIST = "activist", _("入党积极分子")
    CANDIDATE = "candidate", _("发展对象")
    PROBATIONARY = "probationary", _("预备党员")
    FULL = "full", _("正式党员")


MEMBER_STATUSES = (PartyStatus.PROBATIONARY, PartyStatus.FULL)


class AttendanceStatus(models.TextChoices):
    """出席 / 请假 / 缺席 — one vocabulary for every ledger that takes attendance."""

    PRESENT = "present", _("出席")
    LEAVE = "leave", _("请假")
    ABSENT = "absent", _("缺席")


class Person(OrganisationOwned, VersionedModel):
    """Someone on a branch's roster: party members and the non-member staff of the unit alike, so
    "14 members = 48 % of 29 staff" is computed, not typed."""

    class Gender(models.TextChoices):
        MALE = "M", _("男")
        FEMALE = "F", _("女")

    name = models.CharField(_("姓名"), max_length=50)
    name_pinyin = models.CharField(_("姓名拼音"), max_length=200, blank=True, editable=False)
    # strokes.name_sort_string(name), kept on the row so lists are ordered 按姓氏笔画 and paged in the
    # database; the person services write it with the name.
    name_strokes = models.CharField(
        _("姓名笔画序"), max_length=1000, blank=True, editable=False, db_index=True
    )
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices)
    birth_date = models.DateField(_("出生日期"), null=True, blank=True)
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    id_number = EncryptedTextField(_("身份证号"), blank=True)
    id_number_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    unit = models.CharField(_("工作单位"), max_length=100, blank=True)
    is_staff_member = models.BooleanField(_("本单位教职工"), default=True)
    is_retired = models.BooleanField(_("退休"), default=False)
    # The latest PartyStatusChange, kept on the row so lists filter without a subquery;
    # only core.services.people writes it, always together with the history row.
    party_status = models.CharField(_("政治面貌"), max_length=20, choices=PartyStatus.choices, default="none")
    left_on = models.DateField(_("离开日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        constraints = [
            # One roster entry per human among those still on a roster: a member who moved from
            # one branch of the city to another (转出, left_on) keeps her old entry for the old
            # branch's past periods, and the new branch's entry carries the same number.
            models.UniqueConstraint(
                fields=["id_number_digest"],
                condition=~models.Q(id_number_digest="") & models.Q(left_on__isnull=True),
                name="person_id_number_unique_present",
            )
        ]
        indexes = [models.Index(fields=["organisation", "party_status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("people:person", args=[self.pk])

    @property
    def is_member(self) -> bool:
        return self.party_status in MEMBER_STATUSES

    @property
    def id_number_masked(self) -> str:
        value = self.id_number or ""
        return f"{value[:6]}********{value[-4:]}" if len(value) >= 10 else ("*" * len(value))


class PartyStatusChange(OrganisationOwned):
    """Dated party status history: when someone became 积极分子, 预备党员, 正式党员… The pipeline
    findings ("nobody became 预备党员 in two years") read this, never the cached current status."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("政治面貌"), max_length=20, choices=PartyStatus.choices)
    since = models.DateField(_("起始日期"))
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        ordering = ["since", "pk"]
        indexes = [models.Index(fields=["organisation", "status", "since"])]

    def __str__(self) -> str:
        return f"{self.person} {self.get_status_display()} {self.since}"


class Post(models.TextChoices):
    SECRETARY = "secretary", _("书记")
    DEPUTY_SECRETARY = "deputy_secretary", _("副书记")
    ORGANISATION = "organisation", _("组织委员")
    PUBLICITY = "publicity", _("宣传委员")
    DISCIPLINE = "discipline", _("纪检委员")
    YOUTH = "youth", _("青年委员")
    MEMBER = "member", _("委员")


class CommitteeTerm(OrganisationOwned):
    """One 届 of a branch committee; 换届 starts a new term, 补选 adds a holding within a term."""

    started_on = models.DateField(_("任期开始"))
    ended_on = models.DateField(_("任期结束"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        ordering = ["-started_on"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.started_on:%Y}届"


class PostHolding(OrganisationOwned):
    term = models.ForeignKey(CommitteeTerm, on_delete=models.CASCADE, related_name="holdings")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="posts")
    post = models.CharField(_("职务"), max_length=20, choices=Post.choices)
    started_on = models.DateField(_("任职开始"))
    ended_on = models.DateField(_("任职结束"), null=True, blank=True)
    by_election = models.BooleanField(_("补选"), default=False)

    class Meta:
        ordering = ["started_on"]

    def __str__(self) -> str:
        return f"{self.person} {self.get_post_display()}"
