from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("走访慰问"), "care:visits", perm="care.view", group="care", order=50)
navigation.register(_("问寒问暖"), "care:calls", perm="care.calls", group="care", order=51)
navigation.register(_("捐款"), "care:drives", perm="care.donations.view", group="care", order=52)
