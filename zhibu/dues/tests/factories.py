"""factory_boy factories for the dues ledger, with Chinese data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.dues.models import DuesBand, DuesBase, DuesPayment, DuesPaymentMonth, PaymentKind


class DuesBandFactory(factory.django.DjangoModelFactory):
    """A band of a future revision (the 2008 set is seeded by the migration)."""

    class Meta:
        model = DuesBand

    effective_from = factory.Sequence(lambda n: date(2090 + n, 1, 1))
    category = "no_income"
    up_to = None
    rate = None
    fixed = Decimal("0.30")
    source = "某年修订的党费收缴规定"


class DuesBaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DuesBase

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    effective_from = date(2023, 1, 1)
    amount = Decimal("4000.00")
    no_income = False
    note = "税后工资固定部分"


class DuesPaymentFactory(factory.django.DjangoModelFactory):
    """A regular payment; `covering=[months]` writes its months, each at amount / len(months)."""

    class Meta:
        model = DuesPayment
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    kind = PaymentKind.REGULAR
    paid_on = date(2023, 3, 10)
    amount = Decimal("40.00")
    back_months = 0
    long_back = False
    note = "支部集中收缴"

    @factory.post_generation
    def covering(obj, create, extracted, **kwargs):
        if create and extracted:
            share = (obj.amount / len(extracted)).quantize(Decimal("0.01"))
            DuesPaymentMonth.objects.bulk_create(
                DuesPaymentMonth(
                    organisation=obj.organisation, payment=obj, person=obj.person, month=m, due=share
                )
                for m in extracted
            )


class DuesPaymentMonthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DuesPaymentMonth

    payment = factory.SubFactory(DuesPaymentFactory)
    organisation = factory.SelfAttribute("payment.organisation")
    person = factory.SelfAttribute("payment.person")
    month = factory.Sequence(lambda n: date(2020 + n // 12, n % 12 + 1, 1))
    due = Decimal("40.00")
