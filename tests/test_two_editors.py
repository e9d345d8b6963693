"""Two people editing one record: both open the edit page, the first saves, the second's save is
refused with the conflict message and writes nothing — through the views, on two ledgers (a
meeting, a care visit). The version travels in the form the page rendered, as in a browser."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from zhibu.care.models import CareVisit
from zhibu.care.tests.helpers import visit
from zhibu.core.models import AuditEntry
from zhibu.meetings.models import Meeting
from zhibu.meetings.tests.helpers import at, make_meeting

CONFLICT = "该记录已被他人修改，请刷新后再试。您的修改未保存。"


def _as_posted(value):
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [getattr(v, "pk", v) for v in value]
    return "" if value is None else getattr(value, "pk", value)


def _opened_form(client: Client, url: str) -> dict:
    """What the browser would send back unchanged: every field of the rendered form, with its value."""
    form = client.get(url).context["form"]
    data = {bf.html_name: _as_posted(bf.value()) for bf in form}
    return {name: value for name, value in data.items() if value is not None}


def _two_editors(world, url: str) -> tuple[Client, dict, Client, dict]:
    first, second = Client(), Client()
    first.force_login(world.secretary)
    second.force_login(world.committee)
    return first, _opened_form(first, url), second, _opened_form(second, url)


@pytest.mark.django_db
def test_meeting_second_save_is_refused(world):
    meeting = make_meeting(world.branch, "committee_meeting", held_at=at(2023, 6, 5))
    url = reverse("meetings:edit", args=[meeting.pk])
    first, mine, second, theirs = _two_editors(world, url)
    assert mine["version"] == theirs["version"] == meeting.version

    assert first.post(url, {**mine, "place": "会议室一"}).status_code == 302
    changes = AuditEntry.objects.count()
    response = second.post(url, {**theirs, "place": "校长室二"})
    assert response.status_code == 200 and CONFLICT in response.content.decode()
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert (meeting.place, meeting.version) == ("会议室一", mine["version"] + 1)
    assert AuditEntry.objects.count() == changes


@pytest.mark.django_db
def test_care_visit_second_save_is_refused(world):
    row = visit(world.branch, date(2023, 1, 18), visitors=[world.people["secretary"]], money=Decimal("500"))
    url = reverse("care:visit_edit", args=[row.pk])
    first, mine, second, theirs = _two_editors(world, url)

    assert first.post(url, {**mine, "money": "520.50"}).status_code == 302
    changes = AuditEntry.objects.count()
    response = second.post(url, {**theirs, "money": "800"})
    assert response.status_code == 200 and CONFLICT in response.content.decode()
    row = CareVisit.objects.get(pk=row.pk)
    assert (row.money, row.version) == (Decimal("520.50"), mine["version"] + 1)
    assert AuditEntry.objects.count() == changes
