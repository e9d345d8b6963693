from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("谈心谈话"), "talks:list", perm="talks.view", group="pledges", order=20)
