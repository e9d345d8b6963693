"""A person entered by mistake can be removed into the 回收站; someone with records on file (attendance,
study, posts) is not removed — set the date she left instead, so past periods still count her."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors, transfer_selectors

removals.register(
    "people.person", get=selectors.person_get, perm="people.edit", after="people:list", kind=_("人员")
)

# A transfer or a 党籍 mark entered by mistake. Removing a transfer out does not give the person her
# left date back: that is on her own record (编辑人员), kept apart so the removal never rewrites it.
removals.register(
    "people.transfer",
    get=transfer_selectors.transfer_get,
    perm="people.transfers",
    after="people:transfers",
    kind=_("组织关系转接"),
)
removals.register(
    "people.statusmark",
    get=transfer_selectors.mark_get,
    perm="people.transfers",
    after="people:marks",
    kind=_("党籍标记"),
)
