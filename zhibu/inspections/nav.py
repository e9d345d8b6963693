from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("检查评比"), "inspections:plans", perm="inspections.view", group="appraisal", order=75)
navigation.register(_("考核结果"), "inspections:mine", perm="inspections.own", group="appraisal", order=76)
