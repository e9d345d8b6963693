from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("发展党员"), "development:pipeline", perm="development.view", group="people", order=15)
