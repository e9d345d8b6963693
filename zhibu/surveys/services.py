"""满意度测评: set up a survey, correct it, and receive a questionnaire answered with a one-time code.

Receiving writes, in one transaction, the code's hash into the used list (unique per survey: a code
used twice at the same moment is refused once) and the response with its answers — rows that
refer to nothing of each other. A forged or reused code, a survey not open, or a rated question
left out: a Chinese message, nothing written."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.fields import optional_text, required_text
from zhibu.core.models import Organisation
from zhibu.core.periods import cn_date

from . import selectors, tokens
from .audit_actions import SurveysAction
from .models import Answer, Audience, Question, QuestionKind, Rating, Response, Survey, UsedCode

FORGED = _("问卷码无效，请核对问卷条上的问卷码后重新输入")
REUSED = _("该问卷码已经使用过，每个问卷码只能提交一次")
MAX_RESPONDENTS = 5000


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _fields(*, title, audience, opens_on, closes_on, respondents, note) -> dict:
    if audience not in Audience.values:
        raise ValidationError({"audience": _("请选择测评对象")})
    if opens_on is None:
        raise ValidationError({"opens_on": _("请填写开始日期")})
    if closes_on is None or closes_on < opens_on:
        raise ValidationError({"closes_on": _("请填写截止日期，且不早于开始日期")})
    if not isinstance(respondents, int) or not 1 <= respondents <= MAX_RESPONDENTS:
        raise ValidationError({"respondents": _("问卷份数应为1至%(n)d") % {"n": MAX_RESPONDENTS}})
    return {
        "title": required_text(title, "title", _("测评名称"), 100),
        "audience": audience,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "respondents": respondents,
        "note": optional_text(note, "note", _("说明"), 2000),
    }


@writes.service
def survey_create(
    *,
    actor,
    organisation: Organisation,
    title: str,
    audience: str,
    opens_on: date | None,
    closes_on: date | None,
    respondents: int | None,
    rated: str,
    open_ended: str = "",
    note: str = "",
) -> Survey:
    """`rated`: the 满意/基本满意/不满意 questions, one a line; `open_ended`: the free-text ones."""
    policy.require(actor, "surveys.manage", organisation)
    fields = _fields(
        title=title,
        audience=audience,
        opens_on=opens_on,
        closes_on=closes_on,
        respondents=respondents,
        note=note,
    )
    questions = [(QuestionKind.RATING, t) for t in _lines(rated)] + [
        (QuestionKind.TEXT, t) for t in _lines(open_ended)
    ]
    if not _lines(rated):
        raise ValidationError({"rated": _("请至少填写一道满意度题目，每行一题")})
    if any(len(t) > 200 for _k, t in questions):
        raise ValidationError({"rated": _("每道题目不能超过200个字")})
    survey = Survey(organisation=organisation, **fields)
    writes.model_create(
        survey,
        actor=actor,
        action=SurveysAction.SURVEY_CREATED,
        extra={"questions": [t for _k, t in questions]},
    )
    Question.objects.bulk_create(
        Question(survey=survey, organisation=organisation, order=n, text=t, kind=k)
        for n, (k, t) in enumerate(questions)
    )
    return survey


@writes.service
def survey_update(
    *, actor, survey: Survey, version: int | None, title: str, audience: str, opens_on, closes_on,
    respondents: int | None, note: str = "",
) -> Survey:  # fmt: skip
    """The questions stay as created (answers hang on them); more slips may be added, never fewer
    (a printed code must keep working)."""
    policy.require(actor, "surveys.manage", survey)
    fields = _fields(
        title=title,
        audience=audience,
        opens_on=opens_on,
        closes_on=closes_on,
        respondents=respondents,
        note=note,
    )
    if fields["respondents"] < survey.respondents:
        raise ValidationError({"respondents": _("问卷码已发放，份数只能增加，不能减少")})
    return writes.model_update(
        survey, actor=actor, action=SurveysAction.SURVEY_UPDATED, version=version, fields=fields
    )


def _answers(survey: Survey, ratings: dict[int, str], texts: dict[int, str]) -> list[Answer]:
    answers = []
    for n, question in enumerate(selectors.questions_of(survey), start=1):
        if question.kind == QuestionKind.RATING:
            value = ratings.get(question.pk, "")
            if value not in Rating.values:
                raise ValidationError(
                    {f"q{question.pk}": _("请对第%(n)d题“%(q)s”作出评价") % {"n": n, "q": question.text}}
                )
            answers.append(Answer(question=question, rating=value, organisation=survey.organisation))
        else:
            text = optional_text(
                texts.get(question.pk, ""), f"q{question.pk}", _("第%(n)d题") % {"n": n}, 2000
            )
            if text:
                answers.append(Answer(question=question, text=text, organisation=survey.organisation))
    return answers


def response_add(*, survey: Survey, code: str, answers: list[Answer], day: date) -> None:
    """The shared step: the code's hash into the used list, then the response. Callers have
    checked the code and the answers."""
    try:
        with transaction.atomic():
            UsedCode.objects.create(
                survey=survey, organisation=survey.organisation, code_hash=tokens.digest(code)
            )
    except IntegrityError:
        raise ValidationError({"code": REUSED}) from None
    response = Response.objects.create(survey=survey, organisation=survey.organisation, answered_on=day)
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)


@writes.service
def response_submit(*, survey: Survey, code: str, ratings: dict[int, str], texts: dict[int, str]) -> Survey:
    """No actor: answered without an account. The code proves the right to answer once."""
    today = timezone.localdate()
    if today < survey.opens_on:
        raise ValidationError(_("测评将于%(day)s开始") % {"day": cn_date(survey.opens_on)})
    if today > survey.closes_on:
        raise ValidationError(_("测评已于%(day)s截止，不能再提交") % {"day": cn_date(survey.closes_on)})
    canonical = tokens.valid(survey, code)
    if canonical is None:
        raise ValidationError({"code": FORGED})
    if selectors.code_used(survey, tokens.digest(canonical)):
        raise ValidationError({"code": REUSED})
    answers = _answers(survey, ratings, texts)
    response_add(survey=survey, code=canonical, answers=answers, day=today)
    audit.record(None, SurveysAction.RESPONSE_RECEIVED, survey, after={"received": True})
    return survey


@writes.service
def slips_printed(*, actor, survey: Survey) -> None:
    """Printing the codes is audited (who could hand them out); the page itself writes nothing else."""
    policy.require(actor, "surveys.manage", survey)
    audit.record(actor, SurveysAction.SLIPS_PRINTED, survey, after={"slips": survey.respondents})
