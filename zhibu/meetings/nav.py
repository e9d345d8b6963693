from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("组织生活记录"), "meetings:list", perm="meetings.view", group="life", order=20)
navigation.register(_("工作日历"), "meetings:calendar", perm="meetings.view", group="life", order=21)
navigation.register(_("周期规则"), "meetings:rules", perm="meetings.rules", group="life", order=22)
