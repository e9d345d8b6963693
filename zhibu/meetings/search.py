from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("meetings", label=_("组织生活"), perm="meetings.view", order=20)
def meetings(user, text: str):
    found = Q(topic__icontains=text) | Q(place__icontains=text) | Q(minutes__icontains=text)
    return selectors.meetings_visible(user).filter(found).order_by("-held_at")
