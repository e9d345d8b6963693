"""What the pages share: the list filter, the chosen span, and who may write a pledge's rows."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from zhibu.core import policy
from zhibu.core.web import chosen_period  # noqa: F401 - the views import it from here

from .. import selectors
from ..forms import ListFilter

FORM = "pledges/form.html"


def list_filter(request: HttpRequest, org) -> tuple[ListFilter, str, int | None]:
    form = ListFilter(request.GET or None, people=selectors.person_choices(org))
    if form.is_valid():
        person = form.cleaned_data["person"]
        return form, form.cleaned_data["q"].strip(), person.pk if person else None
    return form, "", None


def may_write(user, row) -> bool:
    """Officers write any pledge's rows; a member her own (pledges.own's object rule)."""
    return policy.has_perm(user, "pledges.edit", row) or policy.has_perm(user, "pledges.own", row)


def require_write(user, row) -> None:
    """The form page itself is refused (403) to whom the service would refuse."""
    if not may_write(user, row):
        raise PermissionDenied("pledges.edit")
