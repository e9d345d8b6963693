from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("换届与补选"), "elections:index", perm="elections.view", group="people", order=25)
