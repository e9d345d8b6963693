"""Honours and competition rounds (with their participants) can be removed, with a reason, into
the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

for model, get, after, kind in [
    ("honours.honour", selectors.honour_get, "honours:index", _("荣誉")),
    ("honours.competitionround", selectors.round_get, "honours:rounds", _("教学评比")),
]:
    removals.register(model, get=get, perm="honours.edit", after=after, kind=kind)
