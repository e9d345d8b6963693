from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

from . import access

navigation.register(_("包教工作"), "mentoring:cases", perm=access.VIEW, group="mentoring", order=400)
navigation.register(_("包教检查"), "mentoring:review", perm=access.REVIEW, group="mentoring", order=410)
