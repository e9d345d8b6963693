"""捐款: drives and the gifts to them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..audit_actions import CareAction
from ..models import Donation, DonationDrive
from .common import clean_money, not_future, of_branch, text


def _drive_fields(*, purpose, beneficiary, started_on, ended_on, note) -> dict:
    start = not_future(started_on, "started_on", _("开始日期"))
    if ended_on is not None and ended_on < start:
        raise ValidationError(
            {"ended_on": _("结束日期（%(end)s）不能早于开始日期（%(start)s）")
             % {"end": cn_date(ended_on), "start": cn_date(start)}}
        )  # fmt: skip
    return {
        "purpose": text(purpose, "purpose", _("捐款事由"), 200, required=True),
        "beneficiary": text(beneficiary, "beneficiary", _("受助对象"), 100, required=True),
        "started_on": start,
        "ended_on": ended_on,
        "note": (note or "").strip(),
    }


@writes.service
def drive_create(
    *,
    actor,
    organisation: Organisation,
    purpose: str,
    beneficiary: str,
    started_on: date | None,
    ended_on: date | None = None,
    note: str = "",
) -> DonationDrive:
    policy.require(actor, "care.edit", organisation)
    fields = _drive_fields(
        purpose=purpose, beneficiary=beneficiary, started_on=started_on, ended_on=ended_on, note=note
    )
    drive = DonationDrive(organisation=organisation, **fields)
    return writes.model_create(drive, actor=actor, action=CareAction.DRIVE_CREATED)


@writes.service
def drive_update(
    *,
    actor,
    drive: DonationDrive,
    version: int | None,
    purpose: str,
    beneficiary: str,
    started_on: date | None,
    ended_on: date | None = None,
    note: str = "",
) -> DonationDrive:
    policy.require(actor, "care.edit", drive)
    fields = _drive_fields(
        purpose=purpose, beneficiary=beneficiary, started_on=started_on, ended_on=ended_on, note=note
    )
    first = drive.gifts.order_by("given_on").values_list("given_on", flat=True).first()
    if first is not None and first < fields["started_on"]:
        raise ValidationError(
            {"started_on": _("已有%(day)s的捐款，开始日期不能晚于它") % {"day": cn_date(first)}}
        )
    return writes.model_update(
        drive, actor=actor, action=CareAction.DRIVE_UPDATED, version=version, fields=fields
    )


def _gift_fields(drive: DonationDrive, *, donor, donor_name, appeal_by, given_on, amount, in_kind) -> dict:
    org = drive.organisation
    day = not_future(given_on, "given_on", _("捐款日期"))
    if day < drive.started_on:
        raise ValidationError(
            {"given_on": _("捐款日期（%(day)s）早于捐款活动开始日期（%(start)s）")
             % {"day": cn_date(day), "start": cn_date(drive.started_on)}}
        )  # fmt: skip
    name = text(donor_name, "donor_name", _("校外捐款人"), 100)
    donor = of_branch(org, donor, "donor")
    if donor is None and not name:
        raise ValidationError({"donor": _("请选择本单位捐款人，或填写校外捐款人姓名")})
    if donor is not None and name:
        raise ValidationError({"donor_name": _("本单位人员捐款不填写校外捐款人")})
    appeal = of_branch(org, appeal_by, "appeal_by")
    if donor is not None and appeal is not None:
        raise ValidationError({"appeal_by": _("呼吁筹措只适用于校外捐款")})
    money = clean_money(amount, "amount", _("金额（元）"))
    goods = text(in_kind, "in_kind", _("捐赠物品"), 200)
    if not money and not goods:
        raise ValidationError({"amount": _("请填写捐款金额或捐赠物品")})
    return {
        "donor": donor,
        "donor_name": name,
        "appeal_by": appeal,
        "given_on": day,
        "amount": money,
        "in_kind": goods,
    }


@writes.service
def donation_create(
    *,
    actor,
    drive: DonationDrive,
    given_on: date | None,
    amount: Decimal | str = "0",
    donor: Person | None = None,
    donor_name: str = "",
    appeal_by: Person | None = None,
    in_kind: str = "",
) -> Donation:
    policy.require(actor, "care.edit", drive)
    fields = _gift_fields(
        drive,
        donor=donor,
        donor_name=donor_name,
        appeal_by=appeal_by,
        given_on=given_on,
        amount=amount,
        in_kind=in_kind,
    )
    gift = Donation(organisation=drive.organisation, drive=drive, **fields)
    return writes.model_create(gift, actor=actor, action=CareAction.DONATION_CREATED)


@writes.service
def donation_update(
    *,
    actor,
    gift: Donation,
    version: int | None,
    given_on: date | None,
    amount: Decimal | str = "0",
    donor: Person | None = None,
    donor_name: str = "",
    appeal_by: Person | None = None,
    in_kind: str = "",
) -> Donation:
    policy.require(actor, "care.edit", gift)
    fields = _gift_fields(
        gift.drive,
        donor=donor,
        donor_name=donor_name,
        appeal_by=appeal_by,
        given_on=given_on,
        amount=amount,
        in_kind=in_kind,
    )
    return writes.model_update(
        gift, actor=actor, action=CareAction.DONATION_UPDATED, version=version, fields=fields
    )
