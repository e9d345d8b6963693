"""Visits, calls, drives and gifts can be removed (with a reason) into the 回收站. A drive with
gifts on file cannot: its gifts go first (the database protects them)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

for model, get, perm, after, kind in [
    ("care.visit", selectors.visit_get, "care.edit", "care:visits", _("走访慰问")),
    ("care.call", selectors.call_get, "care.calls", "care:calls", _("问寒问暖电话")),
    ("care.drive", selectors.drive_get, "care.edit", "care:drives", _("捐款活动")),
    ("care.donation", selectors.gift_get, "care.edit", "care:drives", _("捐款记录")),
]:
    removals.register(model, get=get, perm=perm, after=after, kind=kind)
