"""征求意见: start and change a consultation; a member answers while it is open; the secretary
enters answers given at a meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import all_of_branch, of_branch, required_text
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from .. import selectors
from ..audit_actions import VoiceAction
from ..models import Answer, Consultation
from .common import meeting_of_branch


def _fields(*, title, question, opens_on, closes_on) -> dict:
    if opens_on is None:
        raise ValidationError({"opens_on": _("请填写开始日期")})
    if closes_on is None:
        raise ValidationError({"closes_on": _("请填写截止日期")})
    if closes_on < opens_on:
        raise ValidationError(
            {"closes_on": _("截止日期（%(end)s）不能早于开始日期（%(start)s）")
             % {"end": cn_date(closes_on), "start": cn_date(opens_on)}}
        )  # fmt: skip
    return {
        "title": required_text(title, "title", _("拟决策事项"), 200),
        "question": required_text(question, "question", _("征求意见的问题"), 5000),
        "opens_on": opens_on,
        "closes_on": closes_on,
    }


def _asked(org: Organisation, asked: Iterable[Person]) -> list[Person]:
    people = all_of_branch(org, asked, "asked")
    if not people:
        raise ValidationError({"asked": _("请选择征求意见对象")})
    return people


@writes.service
def consultation_create(
    *,
    actor,
    organisation: Organisation,
    title: str,
    question: str,
    opens_on: date | None,
    closes_on: date | None,
    asked: Iterable[Person] = (),
) -> Consultation:
    policy.require(actor, "voice.edit", organisation)
    fields = _fields(title=title, question=question, opens_on=opens_on, closes_on=closes_on)
    people = _asked(organisation, asked)
    consultation = Consultation(organisation=organisation, **fields)
    writes.model_create(
        consultation,
        actor=actor,
        action=VoiceAction.CONSULTATION_CREATED,
        extra={"asked": [p.name for p in people]},
    )
    consultation.asked.set(people)
    return consultation


@writes.service
def consultation_update(
    *,
    actor,
    consultation: Consultation,
    version: int | None,
    title: str,
    question: str,
    opens_on: date | None,
    closes_on: date | None,
    asked: Iterable[Person] = (),
) -> Consultation:
    policy.require(actor, "voice.edit", consultation)
    fields = _fields(title=title, question=question, opens_on=opens_on, closes_on=closes_on)
    people = _asked(consultation.organisation, asked)
    answered = set(consultation.answers.values_list("person_id", flat=True))
    dropped = [p.name for p in selectors.asked_of(consultation) if p.pk in answered and p not in people]
    if dropped:
        raise ValidationError(
            {"asked": _("%(names)s已经回复，不能移出征求意见对象") % {"names": "、".join(dropped)}}
        )
    before = sorted(p.name for p in selectors.asked_of(consultation))
    writes.model_update(
        consultation,
        actor=actor,
        action=VoiceAction.CONSULTATION_UPDATED,
        version=version,
        fields=fields,
        extra_before={"asked": before},
        extra_after={"asked": sorted(p.name for p in people)},
    )
    consultation.asked.set(people)
    return consultation


@writes.service
def answer_submit(*, actor, consultation: Consultation, text: str) -> Answer:
    """A member's own answer in the system, while the consultation is open (a second submission
    replaces her first)."""
    policy.require(actor, "voice.answer", consultation)
    today = timezone.localdate()
    if today < consultation.opens_on:
        raise ValidationError(
            {"text": _("征求意见将于%(day)s开始，届时再提交意见") % {"day": cn_date(consultation.opens_on)}}
        )
    if today > consultation.closes_on:
        raise ValidationError(
            {"text": _("征求意见已于%(day)s截止，不能再提交意见") % {"day": cn_date(consultation.closes_on)}}
        )
    cleaned = required_text(text, "text", _("意见"), 5000)
    existing = selectors.answer_of(consultation, actor.person_id)
    if existing is not None:
        return writes.model_update(
            existing,
            actor=actor,
            action=VoiceAction.ANSWER_UPDATED,
            version=existing.version,
            fields={"text": cleaned, "answered_on": today},
        )
    answer = Answer(
        organisation=consultation.organisation,
        consultation=consultation,
        person=actor.person,
        text=cleaned,
        answered_on=today,
    )
    return writes.model_create(answer, actor=actor, action=VoiceAction.ANSWER_CREATED)


@writes.service
def answer_record(*, actor, consultation: Consultation, person: Person | None, meeting, text: str) -> Answer:
    """The secretary enters what a member said at a meeting held while the consultation was open."""
    policy.require(actor, "voice.record", consultation)
    org = consultation.organisation
    person = of_branch(org, person, "person")
    if person is None:
        raise ValidationError({"person": _("请选择提出意见的党员")})
    if not consultation.asked.filter(pk=person.pk).exists():
        raise ValidationError({"person": _("%(name)s不在本次征求意见对象中") % {"name": person.name}})
    meeting = meeting_of_branch(org, meeting, "meeting")
    if meeting is None:
        raise ValidationError({"meeting": _("请选择提出意见的会议")})
    day = selectors.meeting_day(meeting)
    start, end = consultation.opens_on, consultation.closes_on
    if not start <= day <= end:
        raise ValidationError(
            {"meeting": _("会议日期（%(day)s）不在征求意见期间（%(start)s至%(end)s）内")
             % {"day": cn_date(day), "start": cn_date(start), "end": cn_date(end)}}
        )  # fmt: skip
    if day > timezone.localdate():
        raise ValidationError({"meeting": _("会议尚未召开，不能录入意见")})
    if selectors.answer_of(consultation, person.pk) is not None:
        raise ValidationError({"person": _("%(name)s已有回复，不能重复录入") % {"name": person.name}})
    answer = Answer(
        organisation=org,
        consultation=consultation,
        person=person,
        text=required_text(text, "text", _("意见"), 5000),
        answered_on=day,
        meeting=meeting,
        entered_by=policy.person_of(actor),
    )
    return writes.model_create(answer, actor=actor, action=VoiceAction.ANSWER_CREATED)
