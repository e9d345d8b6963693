"""Rows for care tests (test setup, not the code under test)."""

from __future__ import annotations

from datetime import date

from .factories import CareVisitFactory, DonationDriveFactory, DonationFactory, RetireeCallFactory


def visit(org, day: date = date(2023, 3, 10), **kwargs):
    return CareVisitFactory(organisation=org, visited_on=day, **kwargs)


def call(retiree, month: date, **kwargs):
    return RetireeCallFactory(organisation=retiree.organisation, retiree=retiree, month=month, **kwargs)


def drive(org, **kwargs):
    return DonationDriveFactory(organisation=org, **kwargs)


def gift(drive, **kwargs):
    return DonationFactory(drive=drive, organisation=drive.organisation, **kwargs)
