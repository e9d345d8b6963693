"""Search over the care ledger — one provider, one function, from the scoped selectors. The notes
of a visit are not searched: a hit's title would show where the word was found to the wrong eyes."""

from itertools import chain

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("care", label=_("服务与关爱"), perm="care.view", order=40)
def care(user, text: str):
    visits = selectors.visits_visible(user).filter(
        Q(visited_name__icontains=text) | Q(person__name__icontains=text) | Q(goods__icontains=text)
    )
    drives = selectors.drives_visible(user).filter(
        Q(purpose__icontains=text) | Q(beneficiary__icontains=text)
    )
    return chain(visits[:10], drives[:10])
