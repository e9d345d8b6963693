"""服务: volunteering (events, who took part and for how long, volunteer groups a member leads),
tutoring (义务补课, one row per session, weekly series), assistance pairs (帮扶), class liaison
(班级联系点) and partner classes (阳光协作班).

Tutoring rows name no student: a group size only. Students a member mentors are the mentoring
ledger's, linked only by its own rules, so nothing here points at them.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel

HOURS = {"max_digits": 4, "decimal_places": 1}
MONEY = {"max_digits": 10, "decimal_places": 2}


class EventKind(models.TextChoices):
    """The seed's own words: 种地、秋收、扫雪、洗大客车座套 are 校园义务劳动; the park and
    community clean-ups are 文明使者 actions; a volunteer group's activities are 义工活动."""

    PLANTING = "planting", _("种地")
    HARVEST = "harvest", _("秋收")
    SNOW = "snow", _("扫雪")
    BUS_COVERS = "bus_covers", _("洗大客车座套")
    CAMPUS = "campus", _("其他校园劳动")
    PARK = "park", _("公园清扫")
    COMMUNITY = "community", _("小区环境清扫")
    CIVILITY = "civility", _("文明使者活动")
    CHARITY = "charity", _("义工公益活动")


CAMPUS_LABOUR = (
    EventKind.PLANTING,
    EventKind.HARVEST,
    EventKind.SNOW,
    EventKind.BUS_COVERS,
    EventKind.CAMPUS,
)
CIVIC = (EventKind.PARK, EventKind.COMMUNITY, EventKind.CIVILITY)


class VolunteerGroup(OrganisationOwned, VersionedModel):
    """A volunteer group a member leads (于雪华 and an outside 义工群)."""

    name = models.CharField(_("义工组织名称"), max_length=60)
    leader = models.ForeignKey(
        "core.Person", verbose_name=_("负责人"), on_delete=models.PROTECT, related_name="+"
    )
    founded_on = models.DateField(_("成立日期"), null=True, blank=True)
    description = models.TextField(_("简介"), blank=True)

    class Meta:
        verbose_name = _("义工组织")
        verbose_name_plural = _("义工组织")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("service:group", args=[self.pk])


class VolunteerEvent(OrganisationOwned, VersionedModel):
    kind = models.CharField(_("活动类别"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("活动内容"), max_length=200)
    held_on = models.DateField(_("活动日期"))
    place = models.CharField(_("地点"), max_length=100, blank=True)
    campaign = models.CharField(
        _("所属主题活动"), max_length=100, blank=True, help_text=_("如：文明使者在行动")
    )
    group = models.ForeignKey(
        VolunteerGroup,
        verbose_name=_("义工组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    outside_helpers = models.PositiveIntegerField(_("社会爱心人士人数"), default=0)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("志愿服务活动")
        verbose_name_plural = _("志愿服务活动")
        indexes = [models.Index(fields=["organisation", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("service:event", args=[self.pk])


class Participation(OrganisationOwned):
    """One person at one event: a member or a non-member member of staff, with her hours."""

    event = models.ForeignKey(VolunteerEvent, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("人员"), on_delete=models.PROTECT, related_name="+"
    )
    hours = models.DecimalField(_("服务时长（小时）"), **HOURS)

    class Meta:
        verbose_name = _("参加人员")
        verbose_name_plural = _("参加人员")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="service_participation_once")]

    def __str__(self) -> str:
        return f"{self.person} {self.hours}小时"

    def get_absolute_url(self) -> str:
        return reverse("service:event", args=[self.event_id])


class TutoringSeries(OrganisationOwned, VersionedModel):
    """A weekly session entered once for a term; each week's occurrence is its own TutoringSession."""

    tutor = models.ForeignKey(
        "core.Person", verbose_name=_("补课党员"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("科目"), max_length=30)
    students = models.PositiveSmallIntegerField(_("学生人数"))
    minutes = models.PositiveSmallIntegerField(_("每次时长（分钟）"))
    weekday = models.PositiveSmallIntegerField(_("每周几"))  # 0 = Monday
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    # The last day already written as sessions: a week removed afterwards is not written again.
    written_until = models.DateField(_("已登记至"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("每周补课安排")
        verbose_name_plural = _("每周补课安排")

    def __str__(self) -> str:
        return f"{self.tutor} 每周{'一二三四五六日'[self.weekday]} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("service:series", args=[self.pk])


class TutoringSession(OrganisationOwned, VersionedModel):
    tutor = models.ForeignKey(
        "core.Person", verbose_name=_("补课党员"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("补课日期"))
    subject = models.CharField(_("科目"), max_length=30)
    students = models.PositiveSmallIntegerField(_("学生人数"))
    minutes = models.PositiveSmallIntegerField(_("时长（分钟）"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    series = models.ForeignKey(
        TutoringSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )

    class Meta:
        verbose_name = _("义务补课")
        verbose_name_plural = _("义务补课")
        indexes = [
            models.Index(fields=["organisation", "held_on"]),
            models.Index(fields=["tutor", "held_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.tutor} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("service:tutoring_session", args=[self.pk])


class AssistancePair(OrganisationOwned, VersionedModel):
    """A leader or member paired with a hardship household (帮扶对象)."""

    helper = models.ForeignKey(
        "core.Person", verbose_name=_("帮扶人"), on_delete=models.PROTECT, related_name="+"
    )
    household = models.CharField(_("帮扶对象"), max_length=60, help_text=_("如：某某家庭"))
    hardship = models.CharField(_("困难情况"), max_length=200, blank=True)
    started_on = models.DateField(_("结对日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("帮扶结对")
        verbose_name_plural = _("帮扶结对")

    def __str__(self) -> str:
        return f"{self.helper} — {self.household}"

    def get_absolute_url(self) -> str:
        return reverse("service:pair", args=[self.pk])


class AssistanceVisit(OrganisationOwned, VersionedModel):
    pair = models.ForeignKey(AssistancePair, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("走访日期"))
    help_given = models.CharField(_("帮扶内容"), max_length=200)
    money = models.DecimalField(_("捐款金额（元）"), **MONEY, default=0)
    note = models.TextField(_("情况记录"), blank=True)

    class Meta:
        verbose_name = _("帮扶走访")
        verbose_name_plural = _("帮扶走访")

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} {self.help_given}"

    def get_absolute_url(self) -> str:
        return reverse("service:pair", args=[self.pair_id])


class LiaisonClass(OrganisationOwned):
    """A class taking part in the 班级联系点 system: each term it should have a liaison."""

    name = models.CharField(_("班级"), max_length=30)
    active = models.BooleanField(_("在用"), default=True)

    class Meta:
        verbose_name = _("联系点班级")
        verbose_name_plural = _("联系点班级")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="service_class_name_once")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("service:liaisons")


class Liaison(OrganisationOwned, VersionedModel):
    """A committee member linked to a class for one term (term_start: the term's first day)."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("支委"), on_delete=models.PROTECT, related_name="+"
    )
    school_class = models.ForeignKey(
        LiaisonClass, verbose_name=_("班级"), on_delete=models.PROTECT, related_name="liaisons"
    )
    term_start = models.DateField(_("学期"))
    head_teacher = models.CharField(_("班主任"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("班级联系点")
        verbose_name_plural = _("班级联系点")
        constraints = [
            models.UniqueConstraint(fields=["school_class", "term_start"], name="service_liaison_class_term"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.school_class}"

    def get_absolute_url(self) -> str:
        return reverse("service:liaison", args=[self.pk])


class ContactKind(models.TextChoices):
    HEAD_TEACHER = "head_teacher", _("与班主任交流")
    STUDENTS = "students", _("与学生谈话")
    CLASS_WORK = "class_work", _("指导班级工作")


class LiaisonContact(OrganisationOwned, VersionedModel):
    liaison = models.ForeignKey(Liaison, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField(_("联系日期"))
    kind = models.CharField(_("联系方式"), max_length=20, choices=ContactKind.choices)
    content = models.CharField(_("主要内容"), max_length=200)

    class Meta:
        verbose_name = _("联系记录")
        verbose_name_plural = _("联系记录")
        indexes = [models.Index(fields=["organisation", "contacted_on"])]

    def __str__(self) -> str:
        return f"{self.contacted_on:%Y-%m-%d} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("service:liaison", args=[self.liaison_id])


class PartnerClass(OrganisationOwned, VersionedModel):
    """阳光协作班: a class run together with a partner school."""

    name = models.CharField(_("协作班名称"), max_length=100)
    partner_school = models.CharField(_("协作学校"), max_length=60)
    opened_on = models.DateField(_("开班日期"))
    note = models.TextField(_("开班情况"), blank=True)

    class Meta:
        verbose_name = _("阳光协作班")
        verbose_name_plural = _("阳光协作班")

    def __str__(self) -> str:
        return f"{self.partner_school}·{self.name}"

    def get_absolute_url(self) -> str:
        return reverse("service:partner", args=[self.pk])


class PartnerSession(OrganisationOwned, VersionedModel):
    partner = models.ForeignKey(PartnerClass, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("活动日期"))
    content = models.CharField(_("活动内容"), max_length=200)
    students = models.PositiveSmallIntegerField(_("参加学生人数"), default=0)

    class Meta:
        verbose_name = _("协作班活动")
        verbose_name_plural = _("协作班活动")

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.content}"

    def get_absolute_url(self) -> str:
        return reverse("service:partner", args=[self.partner_id])
