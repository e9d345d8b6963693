"""Audit actions of the service ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class ServiceAction(models.TextChoices):
    EVENT_CREATED = "service.event.created", _("登记志愿服务活动")
    EVENT_UPDATED = "service.event.updated", _("修改志愿服务活动")
    HOURS_UPDATED = "service.participation.updated", _("修改志愿服务时长")
    GROUP_CREATED = "service.group.created", _("登记义工组织")
    GROUP_UPDATED = "service.group.updated", _("修改义工组织")
    TUTORING_CREATED = "service.tutoring.created", _("登记义务补课")
    TUTORING_UPDATED = "service.tutoring.updated", _("修改义务补课")
    SERIES_CREATED = "service.series.created", _("登记每周补课安排")
    SERIES_EXTENDED = "service.series.extended", _("补登每周补课")
    PAIR_CREATED = "service.pair.created", _("登记帮扶结对")
    PAIR_UPDATED = "service.pair.updated", _("修改帮扶结对")
    VISIT_CREATED = "service.visit.created", _("登记帮扶走访")
    CLASS_CREATED = "service.class.created", _("登记联系点班级")
    LIAISON_CREATED = "service.liaison.created", _("登记班级联系点")
    LIAISON_UPDATED = "service.liaison.updated", _("修改班级联系点")
    CONTACT_CREATED = "service.contact.created", _("登记联系点联系记录")
    PARTNER_CREATED = "service.partner.created", _("登记阳光协作班")
    PARTNER_UPDATED = "service.partner.updated", _("修改阳光协作班")
    PARTNER_SESSION_CREATED = "service.partner_session.created", _("登记协作班活动")
    EXPORTED = "service.exported", _("导出服务台账")
