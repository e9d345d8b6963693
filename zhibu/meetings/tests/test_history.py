"""History entry: the day a branch starts using zhibu, and last year's meetings entered in one table
without a single 补录 finding."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.services.organisations import organisation_history_set
from zhibu.meetings.models import Meeting, MeetingType

URL = reverse("meetings:history") + "?org=yucai"


def table(rows: list[dict]) -> dict:
    data = {"form-TOTAL_FORMS": "12", "form-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{i}-{key}"] = value
    return data


@pytest.fixture
def types(db):
    return {t.code: t.pk for t in MeetingType.objects.filter(organisation__isnull=True)}


def last_year_rows(types) -> list[dict]:
    year = date.today().year - 1
    return [
        {"held_on": f"{year}-{m:02d}-10", "type": types["committee_meeting"], "topic": f"{m}月支委会"}
        for m in range(1, 7)
    ] + [
        {"held_on": f"{year}-03-20", "time": "14:00", "type": types["party_lecture"], "topic": "党史专题党课"}
    ]


def test_secretary_sets_the_start_then_enters_last_year_without_late_findings(world, login, types):
    client = login(world.secretary)
    response = client.post(URL, {"day": date.today().replace(month=1, day=1).isoformat()}, follow=True)
    assert "已设置" in response.content.decode()
    response = client.post(URL, table(last_year_rows(types)), follow=True)
    assert "已补录7次会议" in response.content.decode()
    meetings = Meeting.objects.filter(organisation=world.branch)
    assert meetings.count() == 7 and all(m.recorded_late for m in meetings)  # entered long after…
    year = Period.year(date.today().year - 1)
    assert figures.compute("meetings.late_records", world.branch, year).value == 0  # …but history
    assert not [f for f in findings.run(world.branch, year) if f.code == "meetings.late_records"]
    assert meetings.get(topic="党史专题党课").attendance.count() > 0  # the sheet: that day's members


def test_without_the_start_date_the_same_rows_are_late(world, login, types):
    login(world.secretary).post(URL, table(last_year_rows(types)))
    year = Period.year(date.today().year - 1)
    assert figures.compute("meetings.late_records", world.branch, year).value == 7


LATE_TAG = 'class="tag late"'


def test_the_list_and_the_meeting_page_mark_late_entries_but_not_history(world, login, types):
    """The 补录 tag on the pages follows the same rule as the figures: history is not marked."""
    client = login(world.secretary)
    client.post(URL, table(last_year_rows(types)))
    meeting = Meeting.objects.get(topic="党史专题党课")
    listing = reverse("meetings:list") + f"?org=yucai&year={date.today().year - 1}"
    assert LATE_TAG in client.get(listing).content.decode()  # no start date yet: late
    assert LATE_TAG in client.get(meeting.get_absolute_url()).content.decode()

    client.post(URL, {"day": date.today().replace(month=1, day=1).isoformat()})
    assert LATE_TAG not in client.get(listing).content.decode()
    assert LATE_TAG not in client.get(meeting.get_absolute_url()).content.decode()


def test_one_wrong_row_names_its_row_and_nothing_is_written(world, login, types):
    rows = last_year_rows(types)
    rows[2]["held_on"] = f"{date.today().year + 1}-05-01"  # a held meeting in the future
    del rows[4]["topic"]
    response = login(world.secretary).post(URL, table(rows))
    page = response.content.decode()
    assert "请填写会议主题" in page
    assert not Meeting.objects.exists()
    del rows[4]
    response = login(world.secretary).post(URL, table(rows))
    assert "第3行" in response.content.decode() and not Meeting.objects.exists()


def test_wrong_role_and_other_branch(world, login, types):
    rows = table(last_year_rows(types))
    assert login(world.member).post(URL, rows).status_code == 403
    assert login(world.outsider).post(URL, rows).status_code == 404
    assert not Meeting.objects.exists()


def test_the_start_date_is_set_once_by_the_branch_then_only_by_the_superior(world):
    org = organisation_history_set(actor=world.secretary, org=world.branch, day=date(2024, 9, 1))
    with pytest.raises(ValidationError, match="上级党委"):
        organisation_history_set(actor=world.secretary, org=org, day=date(2023, 9, 1))
    with pytest.raises(PermissionDenied):
        organisation_history_set(actor=world.committee, org=org, day=date(2023, 9, 1))
    org = organisation_history_set(actor=world.bureau, org=org, day=date(2023, 9, 1))
    assert Organisation.objects.get(pk=org.pk).history_before == date(2023, 9, 1)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        organisation_history_set(actor=world.bureau, org=org, day=date(2999, 1, 1))
