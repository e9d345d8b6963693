"""Suggestions can be removed (with a reason) into the 回收站 by the officers. Consultations are not
removed: members' answers hang on them (the database protects them)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "voice.suggestion",
    get=selectors.suggestion_get,
    perm="voice.edit",
    after="voice:suggestions",
    kind=_("意见建议"),
)
