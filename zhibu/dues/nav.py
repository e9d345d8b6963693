"""党费 sits in 组织与人员, not 组织生活: dues follow the roster (who is a member, retired, a student)
and the membership paragraph reports them; 组织生活 is meetings and their attendance."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("党费"), "dues:index", perm="dues.view", group="people", order=30)
navigation.register(_("我的党费"), "dues:mine", perm="dues.own", group="people", order=31)
navigation.register(_("党费交纳标准"), "dues:bands", perm="dues.bands", group="people", order=32)
