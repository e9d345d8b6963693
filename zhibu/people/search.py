from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors


@search.register("people", label=_("人员"), perm="people.view", order=10)
def people(user, text: str):
    return selectors.people_search(selectors.people_visible(user), text).order_by("name_pinyin")
