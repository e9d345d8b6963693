"""What both pages' lists share: the filter by keyword, person and dates (a 学期 or any span)."""

from __future__ import annotations

from django.http import HttpRequest

from zhibu.core.periods import Period
from zhibu.core.web import period_from_request

from .. import selectors
from ..forms import ListFilter


def list_filter(request: HttpRequest, org) -> tuple[ListFilter, str, int | None]:
    form = ListFilter(request.GET or None, people=selectors.person_choices(org))
    if form.is_valid():
        person = form.cleaned_data["person"]
        return form, form.cleaned_data["q"].strip(), person.pk if person else None
    return form, "", None


def chosen_period(request: HttpRequest) -> Period | None:
    """The span asked for (?from=&to=, or ?period=term&on=…); None: the whole history."""
    if request.GET.get("from") or request.GET.get("period"):
        return period_from_request(request, "term")
    return None
