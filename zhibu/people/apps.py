from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """The people ledger: roster, dated party status, committee posts, roster import and export.

    Its models (Person, PartyStatusChange, CommitteeTerm, PostHolding) live in `core` — see
    docs/architecture.md for why — and this app holds everything else about them."""

    name = "zhibu.people"
    label = "people"
    verbose_name = "党员队伍"
