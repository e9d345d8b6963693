"""factory_boy factories for 满意度测评, with Chinese data. A survey is open today unless told otherwise."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from zhibu.core.tests.factories import OrganisationFactory
from zhibu.surveys import tokens
from zhibu.surveys.models import Answer, Question, QuestionKind, Rating, Response, Survey, UsedCode


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"{2021 + n % 3}年家长满意度测评")
    audience = "parents"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    respondents = 20
    note = "本问卷不记名。"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.SelfAttribute("survey.organisation")
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: ["您对学校党支部工作的总体评价", "您对党员教师师德师风的评价"][n % 2])
    kind = QuestionKind.RATING


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.SelfAttribute("survey.organisation")
    answered_on = factory.LazyAttribute(lambda r: r.survey.opens_on)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    response = factory.SubFactory(ResponseFactory, survey=factory.SelfAttribute("..question.survey"))
    organisation = factory.SelfAttribute("question.organisation")
    rating = Rating.SATISFIED
    text = ""


class UsedCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UsedCode

    survey = factory.SubFactory(SurveyFactory)
    organisation = factory.SelfAttribute("survey.organisation")
    code_hash = factory.Sequence(lambda n: tokens.digest(f"{n + 1}-TESTCODE"))
