"""factory_boy factories for the development ledger, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.development.models import DevelopmentRule, DevelopmentSettings, DevelopmentStep, Step


class DevelopmentStepFactory(factory.django.DjangoModelFactory):
    """A step written directly (test setup): an application by a 群众 of the branch unless told."""

    class Meta:
        model = DevelopmentStep
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..organisation"), party_status="applicant"
    )
    step = Step.APPLICATION
    day = date(2023, 3, 1)
    evidence = "本人递交入党申请书一份，已登记。"

    @factory.post_generation
    def sponsors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.sponsors.set(extracted)


class DevelopmentRuleFactory(factory.django.DjangoModelFactory):
    """A row of a later version of the rules (2030), apart from the 2014 one the migration loads."""

    class Meta:
        model = DevelopmentRule

    effective_from = factory.Sequence(lambda n: date(2030, 1, 1 + n % 28))
    edition = "《中国共产党发展党员工作细则》（修订）"
    from_step = Step.APPLICATION
    to_step = Step.TALK
    kind = DevelopmentRule.Kind.MAX
    months = 1
    days = 0
    source = "党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话"


class DevelopmentSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentSettings

    organisation = factory.SubFactory(OrganisationFactory)
    window_years = 3


def edge_steps(branch, day: date) -> None:
    """An application and an admission on `day` (tests/test_figure_series.py's edges)."""
    DevelopmentStepFactory(organisation=branch, day=day)
    DevelopmentStepFactory(
        organisation=branch, day=day, step=Step.ADMISSION, person__party_status="probationary"
    )


def pipeline_rows_for(branch, year: int) -> None:
    """tests/test_query_counts.py's branch: an applicant not yet talked to, an activist whose 考察
    lapsed, a probationary member due for 转正 — so every development rule has something to say."""
    DevelopmentStepFactory(organisation=branch, day=date(year, 2, 1))
    activist = DevelopmentStepFactory(
        organisation=branch, step=Step.ACTIVIST, day=date(year - 1, 3, 1), person__party_status="activist"
    )
    DevelopmentStepFactory(
        organisation=branch, person=activist.person, step=Step.APPLICATION, day=date(year - 2, 3, 1)
    )
    DevelopmentStepFactory(
        organisation=branch,
        step=Step.ADMISSION,
        day=date(year - 1, 4, 1),
        person__party_status="probationary",
    )
