"""What the care pages share: the list filters (period, text, person) read from the query."""

from __future__ import annotations

from django.http import HttpRequest

from zhibu.core.web import period_from_request


def filters(request: HttpRequest) -> dict:
    """?from=&to= (default this year), ?q= text, ?person= a person's id (visited or visiting)."""
    person = request.GET.get("person", "")
    return {
        "period": period_from_request(request),
        "text": request.GET.get("q", "").strip()[:50],
        "person": int(person) if person.isdigit() else None,
    }
