from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("总结与报送"), "reports:index", perm="reports.view", order=80)
navigation.register(_("报送管理"), "reports:submissions", perm="reports.receive", order=85)
