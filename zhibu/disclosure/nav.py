from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("党务公开"), "disclosure:index", perm="disclosure.view", group="pledges", order=60)
