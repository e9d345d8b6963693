"""A campaign (with its kinds, nominations, scores and ballot box) can be removed, with a reason,
into the 回收站; honours its result made stay in the honours ledger."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "awards.campaign",
    get=selectors.campaign_get,
    perm="awards.manage",
    after="awards:index",
    kind=_("评先评优"),
)
