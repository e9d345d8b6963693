"""The questionnaire itself, for staff and parents: no account, a one-time code (typed from the
slip, or carried by the link as ?t=)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core.web import form_page

from .. import selectors, services
from ..forms import AnswerForm


def answer(request: HttpRequest, public_id) -> HttpResponse:
    survey = selectors.survey_public(public_id)
    form = AnswerForm(
        request.POST or None,
        questions=selectors.questions_of(survey),
        initial={"code": request.GET.get("t", "")},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.response_submit(
            survey=survey, code=data["code"], ratings=form.ratings(), texts=form.texts()
        ),
        success=_("提交成功，感谢您的参与！"),
        redirect_to=reverse("surveys:thanks", args=[survey.public_id]),
        template="surveys/answer.html",
        context={"survey": survey},
    )


def thanks(request: HttpRequest, public_id) -> HttpResponse:
    return render(request, "surveys/thanks.html", {"survey": selectors.survey_public(public_id)})
