"""A payment entered by mistake goes to the 回收站 with its months (they are paid again when it is
restored, unless another payment took them meanwhile — the restore then names the clash). A base
too; one that payments relied on can be removed, but the months already paid keep their due."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "dues.payment", get=selectors.payment_get, perm="dues.edit", after="dues:index", kind=_("党费交纳记录")
)
removals.register(
    "dues.base", get=selectors.base_get, perm="dues.edit", after="dues:index", kind=_("党费基数")
)
