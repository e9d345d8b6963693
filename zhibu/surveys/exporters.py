"""测评结果 as .xlsx (or .csv): one row per rated question with counts and rates, then the
suggestions; official headers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import SurveysAction
from .models import QuestionKind, Survey


class ResultsExporter(ListExporter):
    def __init__(self, survey: Survey):
        self.survey = survey
        self.title = _("测评结果")
        self.filename = f"{survey.title}结果"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        returned, questions = selectors.results(self.survey)
        yield [_("题目"), _("满意"), _("基本满意"), _("不满意"), _("合计"), _("满意率（%）"),
               _("基本满意率（%）"), _("不满意率（%）"), _("意见建议")]  # fmt: skip
        self.total = len(questions)
        for q in questions:
            if q.question.kind == QuestionKind.RATING:
                rows = q.rows()
                yield [q.question.text, *(n for _l, n, _r in rows), q.total, *(r for _l, _n, r in rows), ""]
            else:
                yield [q.question.text, "", "", "", len(q.texts), "", "", "", "\n".join(q.texts)]


RESULTS = exporters.register(
    "surveys.results",
    label=_l("满意度测评结果"),
    formats=("xlsx", "csv"),
    perm="surveys.view",
    action=SurveysAction.EXPORTED,
    build=ResultsExporter,
    description=_l("一次测评每道题的满意、基本满意、不满意人数和比例，以及收集的意见建议。"),
)
