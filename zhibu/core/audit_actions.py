"""Core's audit actions: logins, accounts, roles and organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .registries import audit_actions


@audit_actions.register
class CoreAction(models.TextChoices):
    LOGIN_FAILED = "core.login.failed", _("登录失败")
    LOCKED_OUT = "core.login.locked_out", _("账号锁定")
    ORGANISATION_CREATED = "core.organisation.created", _("新建党组织")
    ORGANISATION_CHANGED = "core.organisation.changed", _("修改党组织")
    ORGANISATION_RENAMED = "core.organisation.renamed", _("党组织更名")
    ORGANISATION_MOVED = "core.organisation.moved", _("调整党组织隶属关系")
    ORGANISATION_CLOSED = "core.organisation.closed", _("撤销党组织")
    ROLE_GRANTED = "core.role.granted", _("授予角色")
    ROLE_REVOKED = "core.role.revoked", _("撤销角色")
    USER_CREATED = "core.user.created", _("新建用户")
    USER_CHANGED = "core.user.changed", _("修改用户")
    USER_DELETED = "core.user.deleted", _("删除用户")
    PASSWORD_CHANGED = "core.user.password_changed", _("修改密码")
    PASSWORD_RESET = "core.user.password_reset", _("重置密码")
    USER_DISABLED = "core.user.disabled", _("停用账号")
    USER_ENABLED = "core.user.enabled", _("启用账号")
    JOB_STARTED = "core.job.started", _("启动后台任务")
    JOB_FINISHED = "core.job.finished", _("后台任务完成")
    JOB_FAILED = "core.job.failed", _("后台任务未完成")
    RECORD_REMOVED = "core.record.removed", _("删除记录（移入回收站）")
    RECORD_RESTORED = "core.record.restored", _("从回收站恢复记录")
    RECORD_PURGED = "core.record.purged", _("回收站记录到期清除")
    BACKUP_MADE = "core.backup.made", _("备份全部数据")
    AUDIT_PURGED = "core.audit.purged", _("清除超过保留期限的操作日志")
    HISTORY_SET = "core.organisation.history_set", _("设置历史记录截止日期")
    SECRETARY_REGISTERED = "core.person.secretary_registered", _("为新组织登记书记")
