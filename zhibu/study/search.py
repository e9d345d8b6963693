from itertools import chain

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("study", label=_("学习"), perm="study.view", order=30)
def study(user, text: str):
    sessions = selectors.sessions_visible(user).filter(
        Q(topic__icontains=text) | Q(subject__icontains=text) | Q(meeting__topic__icontains=text)
    )
    tasks = selectors.tasks_visible(user).filter(Q(title__icontains=text) | Q(material__icontains=text))
    books = selectors.reading_visible(user).filter(Q(title__icontains=text) | Q(author__icontains=text))
    return chain(sessions[:10], tasks[:5], books[:5])
