"""Assistance pairs (帮扶) and their visits; partner classes (阳光协作班) and their sessions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation
from zhibu.core.periods import cn_date

from ..audit_actions import ServiceAction
from ..models import AssistancePair, AssistanceVisit, PartnerClass, PartnerSession
from .common import clean_count, clean_money, not_future, optional_text, person_in, required_text


def _pair_fields(org: Organisation, data: dict) -> dict:
    started = not_future(data.get("started_on"), "started_on", _("结对日期"))
    ended = data.get("ended_on")
    if ended is not None and ended < started:
        raise ValidationError({"ended_on": _("结束日期（%(d)s）早于结对日期") % {"d": cn_date(ended)}})
    return {
        "helper": person_in(org, data.get("helper"), "helper", _("帮扶人")),
        "household": required_text(data.get("household"), "household", _("帮扶对象"), 60),
        "hardship": optional_text(data.get("hardship"), "hardship", _("困难情况"), 200),
        "started_on": started,
        "ended_on": not_future(ended, "ended_on", _("结束日期")) if ended else None,
    }


@writes.service
def pair_create(*, actor, organisation: Organisation, **data) -> AssistancePair:
    policy.require(actor, "service.edit", organisation)
    pair = AssistancePair(organisation=organisation, **_pair_fields(organisation, data))
    return writes.model_create(pair, actor=actor, action=ServiceAction.PAIR_CREATED)


@writes.service
def pair_update(*, actor, pair: AssistancePair, version: int | None, **data) -> AssistancePair:
    policy.require(actor, "service.edit", pair)
    fields = _pair_fields(pair.organisation, data)
    return writes.model_update(
        pair, actor=actor, action=ServiceAction.PAIR_UPDATED, version=version, fields=fields
    )


@writes.service
def visit_create(
    *, actor, pair: AssistancePair, visited_on, help_given: str, money=None, note: str = ""
) -> AssistanceVisit:
    """A visit logged against the pair: the help given and any money (Decimal yuan)."""
    policy.require(actor, "service.edit", pair)
    day = not_future(visited_on, "visited_on", _("走访日期"))
    if day < pair.started_on:
        raise ValidationError(
            {"visited_on": _("走访日期早于结对日期（%(d)s）") % {"d": cn_date(pair.started_on)}}
        )
    visit = AssistanceVisit(
        organisation=pair.organisation,
        pair=pair,
        visited_on=day,
        help_given=required_text(help_given, "help_given", _("帮扶内容"), 200),
        money=clean_money(money),
        note=(note or "").strip(),
    )
    return writes.model_create(visit, actor=actor, action=ServiceAction.VISIT_CREATED)


def _partner_fields(data: dict) -> dict:
    return {
        "name": required_text(data.get("name"), "name", _("协作班名称"), 100),
        "partner_school": required_text(data.get("partner_school"), "partner_school", _("协作学校"), 60),
        "opened_on": not_future(data.get("opened_on"), "opened_on", _("开班日期")),
        "note": (data.get("note") or "").strip(),
    }


@writes.service
def partner_create(*, actor, organisation: Organisation, **data) -> PartnerClass:
    policy.require(actor, "service.edit", organisation)
    partner = PartnerClass(organisation=organisation, **_partner_fields(data))
    return writes.model_create(partner, actor=actor, action=ServiceAction.PARTNER_CREATED)


@writes.service
def partner_update(*, actor, partner: PartnerClass, version: int | None, **data) -> PartnerClass:
    policy.require(actor, "service.edit", partner)
    return writes.model_update(
        partner,
        actor=actor,
        action=ServiceAction.PARTNER_UPDATED,
        version=version,
        fields=_partner_fields(data),
    )


@writes.service
def partner_session_create(
    *, actor, partner: PartnerClass, held_on, content: str, students=0
) -> PartnerSession:
    policy.require(actor, "service.edit", partner)
    day = not_future(held_on, "held_on", _("活动日期"))
    if day < partner.opened_on:
        raise ValidationError(
            {"held_on": _("活动日期早于开班日期（%(d)s）") % {"d": cn_date(partner.opened_on)}}
        )
    session = PartnerSession(
        organisation=partner.organisation,
        partner=partner,
        held_on=day,
        content=required_text(content, "content", _("活动内容"), 200),
        students=clean_count(students or 0, "students", _("参加学生人数"), low=0, high=1000),
    )
    return writes.model_create(session, actor=actor, action=ServiceAction.PARTNER_SESSION_CREATED)
