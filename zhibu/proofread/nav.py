from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("文稿校对"), "proofread:check", perm="proofread.use", group="reports", order=82)
