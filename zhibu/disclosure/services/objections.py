"""Objections to a 公示: taken from the public page only inside the 公示 period, answered by the
secretary. The objector is anonymous to the system (no login); the size of each field is capped
and the public view limits how often one address may post."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import required_text
from zhibu.core.periods import cn_date

from ..audit_actions import DisclosureAction
from ..models import Kind, Notice, Objection

MAX_TEXT = 1000
MAX_ANSWER = 2000


def open_for_objections(notice: Notice, day: date) -> bool:
    return notice.kind == Kind.NOTICE and notice.public_on(day)


def objection_refusal(notice: Notice, day: date) -> str | None:
    """Why an objection to `notice` cannot be taken on `day`, or None when it can."""
    if notice.kind != Kind.NOTICE:
        return _("只有公示事项可以提出异议")
    if open_for_objections(notice, day):
        return None
    end = notice.publish_until
    if end is not None and end < day:
        return _("公示期已于%(end)s结束，不再受理异议") % {"end": cn_date(end)}
    return _("该公示不在公示期内，不能提出异议")


@writes.service
def objection_submit(*, actor, notice: Notice, name: str, contact: str, text: str) -> Objection:
    """From the public page (actor: anonymous). What the public may do is the notice's state, not a
    role: a published 公示 inside its period."""
    refusal = objection_refusal(notice, timezone.localdate())
    if refusal:
        raise ValidationError(refusal)
    objection = Objection(
        organisation=notice.organisation,
        notice=notice,
        name=required_text(name, "name", _("姓名"), 40),
        contact=required_text(contact, "contact", _("联系方式"), 60),
        text=required_text(text, "text", _("意见内容"), MAX_TEXT),
        received_on=timezone.localdate(),
    )
    return writes.model_create(objection, actor=actor, action=DisclosureAction.OBJECTION_RECEIVED)


@writes.service
def objection_answer(
    *, actor, objection: Objection, version: int | None, answer: str, answered_on: date | None
) -> Objection:
    policy.require(actor, "disclosure.publish", objection)
    text = required_text(answer, "answer", _("答复"), MAX_ANSWER)
    if answered_on is None:
        raise ValidationError({"answered_on": _("请填写答复日期")})
    if answered_on > timezone.localdate():
        raise ValidationError(
            {"answered_on": _("答复日期（%(d)s）不能晚于今天") % {"d": cn_date(answered_on)}}
        )
    if answered_on < objection.received_on:
        raise ValidationError(
            {"answered_on": _("答复日期（%(d)s）不能早于收到日期（%(r)s）")
             % {"d": cn_date(answered_on), "r": cn_date(objection.received_on)}}
        )  # fmt: skip
    return writes.model_update(
        objection,
        actor=actor,
        action=DisclosureAction.OBJECTION_ANSWERED,
        version=version,
        fields={"answer": text, "answered_on": answered_on, "answered_by": actor},
    )
