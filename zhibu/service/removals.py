"""Service records can be removed (with a reason) into the 回收站; a tutoring session by its own
tutor too (one week of a series included: the series does not write it again)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors


def _tutoring(user, pk):
    return selectors.tutoring_get(user, pk)


for model, get, perm, after, kind in [
    ("service.volunteerevent", selectors.event_get, "service.edit", "service:events", _("志愿服务活动")),
    ("service.tutoringsession", _tutoring, "service.tutoring.remove", "service:mine", _("义务补课")),
    ("service.assistancepair", selectors.pair_get, "service.edit", "service:pairs", _("帮扶结对")),
    ("service.liaison", selectors.liaison_get, "service.edit", "service:liaisons", _("班级联系点")),
    ("service.partnerclass", selectors.partner_get, "service.edit", "service:partners", _("阳光协作班")),
]:
    removals.register(model, get=get, perm=perm, after=after, kind=kind)
