from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("人员名册"), "people:list", perm="people.view", group="people", order=10)
navigation.register(_("支部委员会"), "people:committee", perm="people.committee", group="people", order=20)
navigation.register(_("组织关系转接"), "people:transfers", perm="people.view", group="people", order=30)
