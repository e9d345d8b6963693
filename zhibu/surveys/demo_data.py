"""Demo: the seed school's 2023 parents' survey, whose results are the seed summary's rates — 20
questionnaires, three rated questions: 57 满意 and 3 基本满意 of 60 answers (满意 95 %, 基本满意 5 %),
with two suggestions; answered with its own codes 1–20 of 30 printed."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import Organisation, User
from zhibu.core.registries import demo

from . import selectors, tokens
from .models import Answer, QuestionKind, Rating
from .services import response_add, survey_create

SCHOOL = "yucai"
RATED = "您对学校党支部工作的总体评价\n您对党员教师师德师风的评价\n您对党员教师包教帮扶工作的评价"
OPEN = "您对学校党支部工作的意见和建议"
SUGGESTIONS = {3: "希望党员教师多与家长沟通孩子的学习情况。", 11: "建议增加家长开放日的次数。"}


@demo.register("surveys", order=55)
def load() -> str:
    school = Organisation.objects.filter(code=SCHOOL).first()
    secretary = User.objects.filter(username="secretary").first()
    if school is None or secretary is None:
        return "跳过：没有演示学校"
    survey = survey_create(
        actor=secretary,
        organisation=school,
        title="2023年家长满意度测评",
        audience="parents",
        opens_on=date(2023, 6, 12),
        closes_on=date(2023, 6, 21),
        respondents=30,
        rated=RATED,
        open_ended=OPEN,
        note="本问卷不记名，每个问卷码只能提交一次。",
    )
    questions = selectors.questions_of(survey)
    for n in range(1, 21):
        rating = Rating.BASIC if n == 20 else Rating.SATISFIED
        answers = [
            Answer(question=q, rating=rating, organisation=school)
            for q in questions
            if q.kind == QuestionKind.RATING
        ]
        if n in SUGGESTIONS:
            answers.append(Answer(question=questions[-1], text=SUGGESTIONS[n], organisation=school))
        response_add(
            survey=survey, code=tokens.code_for(survey, n), answers=answers, day=date(2023, 6, 12 + n % 9)
        )
    return f"{school.name}：{survey.title}（收回问卷20份，满意95%，基本满意5%）"
