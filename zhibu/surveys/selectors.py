"""Reads of 满意度测评: surveys in the user's scope; results as counts per question and rating in one
grouped query; the figures' answers by day."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted

from .models import Answer, Question, QuestionKind, Rating, Response, Survey, UsedCode


def survey_list(org: Organisation, *, text: str = "") -> QuerySet[Survey]:
    qs = Survey.objects.filter(organisation__in=org.subtree()).select_related("organisation")
    if text:
        qs = qs.filter(title__icontains=text)
    return qs.annotate(returned=Count("responses")).order_by("-closes_on", "-pk")


def survey_get(user, pk: int, perm: str = "surveys.view") -> Survey:
    return get_permitted(user, Survey.objects.select_related("organisation"), pk, perm)


def survey_public(public_id) -> Survey:
    return get_object_or_404(Survey.objects.select_related("organisation"), public_id=public_id)


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.order_by("order", "pk"))


def code_used(survey: Survey, code_hash: str) -> bool:
    return UsedCode.objects.filter(survey=survey, code_hash=code_hash).exists()


def returned(survey: Survey) -> int:
    return Response.objects.filter(survey=survey).count()


def rate(n: int, total: int) -> Decimal:
    """A percentage to one place, shown without ".0" when whole ("95%", "33.3%")."""
    if not total:
        return Decimal(0)
    value = (Decimal(n) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@dataclass
class QuestionResult:
    question: Question
    counts: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[str, int, Decimal]]:
        return [(label, self.counts.get(value, 0), rate(self.counts.get(value, 0), self.total))
                for value, label in Rating.choices]  # fmt: skip


def results(survey: Survey) -> tuple[int, list[QuestionResult]]:
    """(questionnaires returned, per question: counts by rating or the texts). Three queries."""
    by_question = {q.pk: QuestionResult(q) for q in questions_of(survey)}
    grouped = (
        Answer.objects.filter(response__survey=survey)
        .exclude(rating="")
        .values("question_id", "rating")
        .annotate(n=Count("pk"))
    )
    for row in grouped:
        by_question[row["question_id"]].counts[row["rating"]] = row["n"]
    texts = (
        Answer.objects.filter(response__survey=survey, question__kind=QuestionKind.TEXT)
        .exclude(text="")
        .order_by("question_id", "text")
        .values_list("question_id", "text")
    )
    for question_id, text in texts:
        by_question[question_id].texts.append(text)
    return returned(survey), list(by_question.values())


# -- figures -------------------------------------------------------------------------------------
def responses_of(org: Organisation, period: Period) -> QuerySet[Response]:
    return Response.objects.filter(
        organisation__in=org.subtree(), answered_on__range=(period.start, period.end)
    ).order_by("answered_on", "survey_id")


def ratings_of(org: Organisation, period: Period, *, rating: str = "") -> QuerySet[Answer]:
    qs = Answer.objects.filter(
        organisation__in=org.subtree(), response__answered_on__range=(period.start, period.end)
    ).exclude(rating="")
    return (qs.filter(rating=rating) if rating else qs).order_by("response__answered_on", "question_id")


def surveys_by_pk(ids) -> QuerySet[Survey]:
    return Survey.objects.filter(pk__in=list(ids))
