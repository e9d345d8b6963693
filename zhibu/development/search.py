"""The development ledger in the search box: a step is found by the person's name, the step and its
evidence — for those who see the pipeline (the officers, the superior committee)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import DevelopmentStep


@search.register(
    "development.steps",
    model=DevelopmentStep,
    label=_("发展党员"),
    perm="development.view",
    rows=lambda: DevelopmentStep.objects.select_related("person"),
    order=15,
)
def step_document(step: DevelopmentStep) -> search.Doc:
    return search.Doc(title=str(step), text=step.evidence, day=step.day, keywords=step.person.name_pinyin)
