"""An item can be removed (with a reason) into the 回收站; a 公示 with objections on file cannot
(the database protects them: the objections and their answers are the 公示's record)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "disclosure.notice",
    get=selectors.notice_get,
    perm="disclosure.edit",
    after="disclosure:index",
    kind=_("党务公开事项"),
)
