"""Honours and competition rounds in the search box, for whoever reads the branch's lists
(honours.view); the recipient's name is in the title, so "刘丹" finds her honours."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import CompetitionRound, Honour

LABEL = _("荣誉与评比")


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


@search.register(
    "honours.honours",
    model=Honour,
    label=LABEL,
    perm="honours.view",
    rows=lambda: Honour.objects.select_related("person", "organisation"),
    order=60,
)
def honour_document(honour: Honour) -> search.Doc:
    return search.Doc(
        title=str(honour), text=_text(honour.issuer, honour.occasion, honour.note), day=honour.awarded_on
    )


@search.register("honours.rounds", model=CompetitionRound, label=LABEL, perm="honours.view", order=61)
def round_document(competition: CompetitionRound) -> search.Doc:
    return search.Doc(
        title=str(competition), text=_text(competition.organiser, competition.note), day=competition.held_on
    )
