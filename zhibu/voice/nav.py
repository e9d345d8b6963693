from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(_("征求意见"), "voice:consultations", perm="voice.view", group="pledges", order=30)
navigation.register(_("意见建议"), "voice:suggestions", perm="voice.edit", group="pledges", order=31)
