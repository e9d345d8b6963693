from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("服务台账"), "service:events", perm="service.view", group="care", order=40)
navigation.register(_("我的服务"), "service:mine", perm="service.own", group="care", order=41)
