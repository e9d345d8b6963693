from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("学习"), "study:index", perm="study.view", order=30)
navigation.register(_("我的学习"), "study:mine", perm="study.own", order=31)
navigation.register(_("笔记检查"), "study:checks", perm="study.check", order=32)
