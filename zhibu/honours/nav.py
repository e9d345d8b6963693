from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("荣誉"), "honours:index", perm="honours.view", group="appraisal", order=30)
navigation.register(_("教学评比"), "honours:rounds", perm="honours.view", group="appraisal", order=31)
