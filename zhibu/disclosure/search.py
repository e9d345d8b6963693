"""The disclosure board in the search box: items, published and drafts, for the officers who keep
the board (disclosure.view). Objections are not indexed: they carry the objector's contact."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Notice


@search.register("disclosure.notices", model=Notice, label=_("党务公开"), perm="disclosure.view", order=60)
def notice_document(notice: Notice) -> search.Doc:
    title = f"{notice} （{notice.get_status_display()}）"
    return search.Doc(title=title, text=notice.body, day=notice.publish_from)
