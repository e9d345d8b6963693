from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("工作台"), "core:dashboard", perm="core.dashboard", order=0)
navigation.register(_("统计数"), "core:figures", perm="figures.view", order=900)
navigation.register(_("操作日志"), "core:audit", perm="audit.view", order=990)
