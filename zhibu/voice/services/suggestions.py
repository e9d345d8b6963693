"""意见建议: record a suggestion from a meeting or a consultation, handle and answer it; the branch's
answer time."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, of_branch, optional_text, required_text, whole_number
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from .. import selectors
from ..audit_actions import VoiceAction
from ..models import ANSWERED, Consultation, Status, Suggestion, VoiceSettings
from .common import meeting_of_branch

MAX_DAYS = 365


def _fields(
    org: Organisation, *, received_on, consultation, meeting, author, anonymous, topic, content
) -> dict:
    day = not_future(received_on, "received_on", _("提出日期"))
    if consultation is not None and consultation.organisation_id != org.pk:
        raise ValidationError({"consultation": _("征求意见“%(t)s”不是本支部的") % {"t": consultation.title}})
    meeting = meeting_of_branch(org, meeting, "meeting")
    if consultation is not None and meeting is not None:
        raise ValidationError({"meeting": _("一条意见建议只填写一个来源：征求意见或会议")})
    author = of_branch(org, author, "author")
    if anonymous and author is not None:
        raise ValidationError({"author": _("匿名提出的意见建议不填写提出人")})
    if not anonymous and author is None:
        raise ValidationError({"author": _("请选择提出人，或勾选“匿名”")})
    return {
        "received_on": day,
        "consultation": consultation,
        "meeting": meeting,
        "author": author,
        "topic": required_text(topic, "topic", _("类别或主题"), 100),
        "content": required_text(content, "content", _("意见建议内容"), 5000),
    }


def _due(org: Organisation, day: date) -> date:
    return day + timedelta(days=selectors.settings_for(org).answer_days)


@writes.service
def suggestion_create(
    *,
    actor,
    organisation: Organisation,
    received_on: date | None,
    topic: str,
    content: str,
    author: Person | None = None,
    anonymous: bool = False,
    consultation: Consultation | None = None,
    meeting=None,
) -> Suggestion:
    policy.require(actor, "voice.edit", organisation)
    fields = _fields(
        organisation,
        received_on=received_on,
        consultation=consultation,
        meeting=meeting,
        author=author,
        anonymous=anonymous,
        topic=topic,
        content=content,
    )
    row = Suggestion(organisation=organisation, due_on=_due(organisation, fields["received_on"]), **fields)
    return writes.model_create(row, actor=actor, action=VoiceAction.SUGGESTION_CREATED)


@writes.service
def suggestion_update(
    *,
    actor,
    suggestion: Suggestion,
    version: int | None,
    received_on: date | None,
    topic: str,
    content: str,
    author: Person | None = None,
    anonymous: bool = False,
    consultation: Consultation | None = None,
    meeting=None,
) -> Suggestion:
    """Change what was said and where; the deadline moves with the day it was raised."""
    policy.require(actor, "voice.edit", suggestion)
    org = suggestion.organisation
    fields = _fields(
        org,
        received_on=received_on,
        consultation=consultation,
        meeting=meeting,
        author=author,
        anonymous=anonymous,
        topic=topic,
        content=content,
    )
    if suggestion.answered_on and suggestion.answered_on < fields["received_on"]:
        raise ValidationError(
            {"received_on": _("提出日期不能晚于答复日期（%(d)s）") % {"d": cn_date(suggestion.answered_on)}}
        )
    if fields["received_on"] != suggestion.received_on:
        fields["due_on"] = _due(org, fields["received_on"])
    return writes.model_update(
        suggestion, actor=actor, action=VoiceAction.SUGGESTION_UPDATED, version=version, fields=fields
    )


@writes.service
def suggestion_handle(
    *,
    actor,
    suggestion: Suggestion,
    version: int | None,
    status: str,
    response: str = "",
    responder: Person | None = None,
    answered_on: date | None = None,
    reason: str = "",
) -> Suggestion:
    """待办 and 办理中 have no answer yet; 已采纳, 部分采纳 and 未采纳 are answers: the response, who
    gave it and when. 未采纳 also needs the reason."""
    policy.require(actor, "voice.edit", suggestion)
    if status not in Status.values:
        raise ValidationError({"status": _("请选择办理状态")})
    reason = optional_text(reason, "reason", _("未采纳理由"), 2000)
    response = optional_text(response, "response", _("答复意见"), 5000)
    fields = {"status": status, "reason": "", "response": response, "responder": None, "answered_on": None}
    if status in ANSWERED:
        if status == Status.REJECTED and not reason:
            raise ValidationError({"reason": _("未采纳的意见建议须说明理由")})
        if not response:
            raise ValidationError({"response": _("请填写答复意见")})
        responder = of_branch(suggestion.organisation, responder, "responder")
        if responder is None:
            raise ValidationError({"responder": _("请选择答复人")})
        day = not_future(answered_on, "answered_on", _("答复日期"))
        if day < suggestion.received_on:
            raise ValidationError(
                {"answered_on": _("答复日期（%(d)s）不能早于提出日期（%(r)s）")
                 % {"d": cn_date(day), "r": cn_date(suggestion.received_on)}}
            )  # fmt: skip
        fields.update(
            reason=reason if status == Status.REJECTED else "", responder=responder, answered_on=day
        )
    return writes.model_update(
        suggestion, actor=actor, action=VoiceAction.SUGGESTION_HANDLED, version=version, fields=fields
    )


@writes.service
def settings_update(
    *, actor, organisation: Organisation, version: int | None, answer_days: int | None
) -> VoiceSettings:
    policy.require(actor, "voice.settings", organisation)
    days = whole_number(answer_days, "answer_days", _("意见建议答复时限（天）"), 1, MAX_DAYS)
    return writes.settings_save(
        VoiceSettings,
        actor=actor,
        organisation=organisation,
        version=version,
        fields={"answer_days": days},
        created=VoiceAction.SETTINGS_CREATED,
        updated=VoiceAction.SETTINGS_UPDATED,
    )
