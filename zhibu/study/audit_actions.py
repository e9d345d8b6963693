"""Audit actions of the study ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class StudyAction(models.TextChoices):
    SESSION_CREATED = "study.session.created", _("登记集中学习")
    SESSION_UPDATED = "study.session.updated", _("修改集中学习")
    ATTENDANCE_SET = "study.session.attendance", _("登记学习出席情况")
    TASK_CREATED = "study.task.created", _("布置自学任务")
    TASK_UPDATED = "study.task.updated", _("修改自学任务")
    SELFSTUDY_DONE = "study.selfstudy.done", _("完成自学")
    READING_CREATED = "study.reading.created", _("登记读书")
    READING_UPDATED = "study.reading.updated", _("修改读书记录")
    # No longer written (removal goes to the 回收站 now); kept so earlier entries keep their label.
    READING_DELETED = "study.reading.deleted", _("删除读书记录")
    NOTE_CREATED = "study.note.created", _("提交学习笔记")
    CHECK_CREATED = "study.check.created", _("检查学习笔记")
    CHECK_UPDATED = "study.check.updated", _("修改笔记检查")
    SETTINGS_CREATED = "study.settings.created", _("设置学习要求")
    SETTINGS_UPDATED = "study.settings.updated", _("修改学习要求")
