"""The city's 满意度测评: each year every branch surveys parents in June (three rated questions,
about twenty questionnaires, mostly 满意). Bulk-inserted without audit entries; randomness from
ctx.rng only. Used codes are hashes of the survey's own codes, as a real answer leaves them."""

from __future__ import annotations

from datetime import date

from zhibu.core.registries import citygen

from . import tokens
from .models import Answer, Question, QuestionKind, Rating, Response, Survey, UsedCode

QUESTIONS = ["您对学校党支部工作的总体评价", "您对党员教师师德师风的评价", "您对党员教师包教帮扶工作的评价"]


@citygen.register("surveys", order=55)
def generate(ctx: citygen.CityContext) -> int:
    rng = ctx.rng
    surveys = ctx.bulk(
        Survey,
        (
            Survey(
                organisation=b,
                title=f"{y}年家长满意度测评",
                audience="parents",
                opens_on=date(y, 6, 12),
                closes_on=date(y, 6, 21),
                respondents=30,
                secret=f"{rng.getrandbits(256):064x}",
            )  # fmt: skip
            for b in ctx.branches
            for y in ctx.years
            if date(y, 6, 21) <= ctx.until
        ),
        keep=True,
    )
    questions = ctx.bulk(
        Question,
        (
            Question(survey=s, organisation_id=s.organisation_id, order=n, text=t, kind=QuestionKind.RATING)
            for s in surveys
            for n, t in enumerate(QUESTIONS)
        ),
        keep=True,
    )
    by_survey: dict[int, list[Question]] = {}
    for q in questions:
        by_survey.setdefault(q.survey_id, []).append(q)
    used, responses, answers = [], [], []
    for s in surveys:
        for n in range(1, rng.randint(15, 25) + 1):
            used.append(
                UsedCode(
                    survey=s,
                    organisation_id=s.organisation_id,
                    code_hash=tokens.digest(tokens.code_for(s, n)),
                )
            )
            response = Response(
                survey=s, organisation_id=s.organisation_id, answered_on=s.opens_on.replace(day=12 + n % 9)
            )
            responses.append(response)
            for q in by_survey[s.pk]:
                r = rng.random()
                rating = Rating.SATISFIED if r < 0.9 else Rating.BASIC if r < 0.98 else Rating.UNSATISFIED
                answers.append(
                    Answer(response=response, question=q, rating=rating, organisation_id=s.organisation_id)
                )
    rng.shuffle(responses)
    ctx.bulk(UsedCode, used)
    ctx.bulk(Response, responses)
    ctx.bulk(Answer, answers)
    return sum(
        ctx.rows[t]
        for t in (
            "surveys_survey",
            "surveys_question",
            "surveys_usedcode",
            "surveys_response",
            "surveys_answer",
        )
    )
