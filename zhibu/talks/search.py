"""Talks in the search box: found by the names and the topic, only by the branch's officers
(talks.view). The content is never indexed — a hit's snippet would show what was said."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Talk


@search.register(
    "talks.talks",
    model=Talk,
    label=_("谈心谈话"),
    perm="talks.view",
    rows=lambda: Talk.objects.select_related("talker", "talked_with"),
    order=46,
)
def talk_document(talk: Talk) -> search.Doc:
    return search.Doc(title=str(talk), text=talk.topic, day=talk.held_on)
