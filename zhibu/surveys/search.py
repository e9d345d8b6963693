"""Surveys in the search box, by title and note (never an answer)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Survey


@search.register("surveys.surveys", model=Survey, label=_("满意度测评"), perm="surveys.view", order=63)
def survey_document(survey: Survey) -> search.Doc:
    return search.Doc(title=str(survey), text=survey.note, day=survey.closes_on)
