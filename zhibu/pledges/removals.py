"""Pledges (with their items, progress and 销号 history) and duties can be removed, with a reason,
into the 回收站 — by officers only: a member's pledge is a public promise, not hers to withdraw."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

for model, get, after, kind in [
    ("pledges.pledge", selectors.pledge_get, "pledges:index", _("承诺")),
    ("pledges.duty", selectors.duty_get, "pledges:duties", _("岗位职责")),
]:
    removals.register(model, get=get, perm="pledges.edit", after=after, kind=kind)
