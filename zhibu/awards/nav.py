from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("评先评优"), "awards:index", perm="awards.view", group="appraisal", order=20)
