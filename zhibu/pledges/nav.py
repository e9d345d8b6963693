from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("承诺台账"), "pledges:index", perm="pledges.view", group="pledges", order=10)
navigation.register(_("岗位职责"), "pledges:duties", perm="pledges.view", group="pledges", order=20)
