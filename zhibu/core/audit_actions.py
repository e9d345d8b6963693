"""Chinese names for core's audit action codes (the audit page shows them beside the code)."""

from django.utils.translation import gettext_lazy as _

from .audit import register_actions

register_actions(
    {
        "core.login.failed": _("登录失败"),
        "core.login.locked_out": _("账号锁定"),
        "core.organisation.created": _("新建党组织"),
        "core.role.granted": _("授予角色"),
        "core.role.revoked": _("撤销角色"),
        "core.user.changed": _("修改用户"),
        "core.user.created": _("新建用户"),
        "core.user.password_changed": _("修改密码"),
        "people.person.created": _("添加人员"),
        "people.person.status_changed": _("政治面貌变动"),
        "people.person.updated": _("修改人员信息"),
    }
)
