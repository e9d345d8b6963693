"""Search over honours and competition rounds (one function: easy to move to a new registry)."""

from itertools import chain

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("honours", label=_("荣誉与评比"), perm="honours.view", order=60)
def honours(user, text: str):
    found = selectors.honours_visible(user).filter(
        Q(title__icontains=text)
        | Q(issuer__icontains=text)
        | Q(occasion__icontains=text)
        | Q(note__icontains=text)
        | Q(person__name__icontains=text)
    )
    rounds = selectors.rounds_visible(user).filter(
        Q(title__icontains=text) | Q(organiser__icontains=text) | Q(note__icontains=text)
    )
    return chain(found.order_by("-awarded_on")[:10], rounds.order_by("-held_on")[:5])
