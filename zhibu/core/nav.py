from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

# The areas of the menu, in the order a branch works through its year. Core declares them all,
# also those no ledger fills yet, so a ledger's nav.py only names a code; an area without an entry
# the user may open is not shown.
navigation.group("people", _("组织与人员"), 10)
navigation.group("life", _("组织生活"), 20)
navigation.group("study", _("学习"), 30)
navigation.group("care", _("服务与关爱"), 40)
navigation.group("mentoring", _("包教"), 50)
navigation.group("pledges", _("承诺与公开"), 60)
navigation.group("appraisal", _("评议考核"), 70)
navigation.group("reports", _("总结与报送"), 80)
navigation.group("bureau", _("上级党委"), 85)
navigation.group("admin", _("管理"), 90)

navigation.register(_("工作台"), "core:dashboard", perm="core.dashboard", order=0)
# 统计数 sits with 总结与报送, not 管理: the figures are the numbers the summaries and submissions
# quote (each with the records behind it), and a secretary looks for them while writing those,
# not while administering the system. 管理 keeps what only administers (the audit log).
navigation.register(_("统计数"), "core:figures", perm="figures.view", group="reports", order=90)
navigation.register(_("账号与角色"), "core:accounts", perm="core.accounts.manage", group="admin", order=950)
navigation.register(
    _("下级组织"), "core:organisations", perm="core.organisations.manage", group="admin", order=960
)
navigation.register(_("回收站"), "core:recycle", perm="core.recycle", group="admin", order=970)
navigation.register(_("备份"), "core:backup", perm="core.backup", group="admin", order=980)
navigation.register(_("操作日志"), "core:audit", perm="audit.view", group="admin", order=990)
