"""factory_boy factories for the care ledger, with Chinese data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from zhibu.care.models import CareVisit, Donation, DonationDrive, RetireeCall, VisitCategory
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory


class CareVisitFactory(factory.django.DjangoModelFactory):
    """A visit to someone outside the roster (a sick staff member's mother) unless `person` is
    given; `visitors` takes people of the branch."""

    class Meta:
        model = CareVisit
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    category = VisitCategory.SICK_FAMILY
    visited_on = date(2023, 3, 10)
    person = None
    visited_name = "教工家属（住院）"
    headcount = 1
    other_visitors = ""
    goods = "水果、牛奶"
    money = Decimal("200.00")
    notes = "术后恢复良好。"

    @factory.post_generation
    def visitors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.visitors.set(extracted)


class RetireeCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetireeCall

    organisation = factory.SubFactory(OrganisationFactory)
    retiree = factory.SubFactory(
        PersonFactory,
        organisation=factory.SelfAttribute("..organisation"),
        is_retired=True,
        birth_date=date(1950, 1, 1),
    )
    caller = None
    month = date(2023, 3, 1)
    called_on = factory.LazyAttribute(lambda c: c.month.replace(day=6))
    raised = "身体尚好，询问体检安排。"


class DonationDriveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DonationDrive

    organisation = factory.SubFactory(OrganisationFactory)
    purpose = "为久病退休教师万福业老师捐款"
    beneficiary = "退休教师万福业"
    started_on = date(2022, 11, 14)
    ended_on = None
    note = ""


class DonationFactory(factory.django.DjangoModelFactory):
    """The branch's own giving: a staff member of the drive's branch, 100.00 元."""

    class Meta:
        model = Donation

    drive = factory.SubFactory(DonationDriveFactory)
    organisation = factory.SelfAttribute("drive.organisation")
    donor = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    donor_name = ""
    appeal_by = None
    given_on = factory.SelfAttribute("drive.started_on")
    amount = Decimal("100.00")
    in_kind = ""
