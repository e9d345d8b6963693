from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("总结材料"), "reports:index", perm="reports.view", group="reports", order=80)
navigation.register(_("报送管理"), "reports:submissions", perm="reports.receive", group="reports", order=85)
