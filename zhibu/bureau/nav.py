from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("支部总览"), "bureau:grid", perm="bureau.oversight", group="bureau", order=850)
navigation.register(_("通知任务"), "bureau:notices", perm="bureau.notices.view", group="reports", order=87)
