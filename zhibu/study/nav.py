from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("学习台账"), "study:index", perm="study.view", group="study", order=30)
navigation.register(_("我的学习"), "study:mine", perm="study.own", group="study", order=31)
navigation.register(_("笔记检查"), "study:checks", perm="study.check", group="study", order=32)
