from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    """换届选举 and 补选: the branch committee's elections, with their votes. Each election writes the
    committee's term and posts through the people ledger (CommitteeTerm, PostHolding), so the
    committee page's history is the election's result."""

    name = "zhibu.elections"
    label = "elections"
    verbose_name = "换届选举"
