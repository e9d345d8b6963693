"""A step recorded by mistake can be removed (with a reason) into the 回收站. The party status it
wrote stays in the roster's history (one history: change it there if it was wrong too)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "development.developmentstep",
    get=selectors.step_get,
    perm="development.edit",
    after="development:pipeline",
    kind=_("发展党员环节"),
)
