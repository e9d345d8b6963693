"""Search over the service ledger's text: one provider, from the ledger's scoped rows."""

from itertools import chain

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("service", label=_("服务"), perm="service.view", order=40)
def service(user, text: str):
    return chain(*(rows[:5] for rows in selectors.search_rows(user, text)))
