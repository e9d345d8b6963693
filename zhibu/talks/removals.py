"""A talk can be removed (with a reason) into the 回收站 by its talker or the secretary."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "talks.talk", get=selectors.talk_get, perm="talks.edit", after="talks:list", kind=_("谈心谈话")
)
