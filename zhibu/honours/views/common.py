"""What both pages' lists share: the filter by keyword, person and dates (a 学期 or any span)."""

from __future__ import annotations

from django.http import HttpRequest

from zhibu.core.web import chosen_period  # noqa: F401 - the views import it from here

from .. import selectors
from ..forms import ListFilter


def list_filter(request: HttpRequest, org) -> tuple[ListFilter, str, int | None]:
    form = ListFilter(request.GET or None, people=selectors.person_choices(org))
    if form.is_valid():
        person = form.cleaned_data["person"]
        return form, form.cleaned_data["q"].strip(), person.pk if person else None
    return form, "", None
