"""Reports permissions and menu entries."""

from django.utils.translation import gettext_lazy as _

from zhibu.core import nav, policy

policy.register_permissions(
    {
        "reports.view": ["secretary", "committee", "bureau"],
        "reports.edit": ["secretary", "committee"],
        "reports.submit": ["secretary"],
        "reports.receive": ["bureau"],
        "reports.deadlines": ["bureau"],
    }
)

nav.register(_("总结与报送"), "reports:index", perm="reports.view", order=80)
nav.register(_("报送管理"), "reports:submissions", perm="reports.receive", order=85)
