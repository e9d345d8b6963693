"""A payment entered by mistake goes to the 回收站 with its months; the month can then be paid
again, and the restore names the clash. Only those in charge remove."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhibu.core import recycle
from zhibu.dues.models import DuesPayment, DuesPaymentMonth
from zhibu.dues.services import payments

from . import helpers

pytestmark = pytest.mark.django_db


def _pay(world):
    return payments.payment_create(
        actor=world.secretary,
        organisation=world.branch,
        person=world.people["member"],
        paid_on=date(2023, 3, 10),
        first_month=date(2023, 3, 1),
    )


def test_a_removed_payment_frees_its_month(world):
    helpers.base(world.people["member"])
    removed = recycle.record_remove(
        actor=world.secretary, model="dues.payment", obj=_pay(world), reason="录错了人"
    )
    assert not DuesPayment.objects.exists() and not DuesPaymentMonth.objects.exists()
    _pay(world)  # the month is open again
    with pytest.raises(ValidationError):
        recycle.record_restore(actor=world.secretary, removed=removed)
    assert DuesPayment.objects.count() == 1


def test_a_committee_member_not_in_charge_cannot_remove(world):
    helpers.base(world.people["member"])
    payment = _pay(world)
    with pytest.raises(PermissionDenied):
        recycle.record_remove(actor=world.committee, model="dues.payment", obj=payment, reason="录错")
    helpers.in_charge(world)
    recycle.record_remove(actor=world.committee, model="dues.payment", obj=payment, reason="录错")
    assert not DuesPayment.objects.exists()
