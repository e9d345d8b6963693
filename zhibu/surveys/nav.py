from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("满意度测评"), "surveys:index", perm="surveys.view", group="appraisal", order=25)
