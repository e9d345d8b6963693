"""Elections in the search box: found by their kind, date, reason and the people elected (names in
the text), for whoever reads the elections (elections.view)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from . import selectors
from .models import Election


@search.register(
    "elections",
    model=Election,
    label=_("换届与补选"),
    perm="elections.view",
    rows=lambda: selectors.with_results(Election.objects.select_related("organisation", "presided_by")),
    follows={"elections.result": lambda result: [result.election]},
    order=14,
)
def election_document(election: Election) -> search.Doc:
    elected = "、".join(f"{r.person.name}（{r.get_post_display()}）" for r in election.results.all())
    text = "\n".join(part for part in (election.reason, elected, election.presided_by.name) if part)
    return search.Doc(title=str(election), text=text, day=election.held_on)
