"""Voice in the search box: consultations for everyone of the branch (voice.view), suggestions for
the officers (voice.edit). Answers are not indexed: a member finds only her own on its page."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Consultation, Suggestion

LABEL = _("征求意见与意见建议")


@search.register("voice.consultations", model=Consultation, label=LABEL, perm="voice.view", order=47)
def consultation_document(c: Consultation) -> search.Doc:
    return search.Doc(title=str(c), text=c.question, day=c.opens_on)


@search.register("voice.suggestions", model=Suggestion, label=LABEL, perm="voice.edit", order=48)
def suggestion_document(s: Suggestion) -> search.Doc:
    return search.Doc(
        title=str(s), text="\n".join(p for p in (s.content, s.response) if p), day=s.received_on
    )
