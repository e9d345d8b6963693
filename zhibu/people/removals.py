"""A person entered by mistake can be removed into the 回收站; someone with records on file (attendance,
study, posts) is not removed — set the date she left instead, so past periods still count her."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "people.person", get=selectors.person_get, perm="people.edit", after="people:list", kind=_("人员")
)
