"""Least access for the school office checker (校办检查员): the month's sheet names each member's
notes by date and title and says whether she was checked, and records the check; the checker reads
no note, no member's study page, no minutes and no consultation."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from zhibu.study.models import NoteCheck

from .helpers import check, meeting, note

SHEET = reverse("study:checks") + "?org=yucai&month=2023-03"


def test_sheet_lists_dates_and_titles_and_whether_checked(world, branch, login):
    member, committee = world.people["member"], world.people["committee"]
    note(branch, member, date(2023, 3, 5), title="学习党章第一章")
    note(branch, member, date(2023, 3, 20), title="二十大报告体会")
    check(branch, committee, date(2023, 3, 1))
    html = login(world.checker).get(SHEET).content.decode()
    assert "2023-03-05 学习党章第一章" in html and "2023-03-20 二十大报告体会" in html
    assert "已检查" in html and "未检查" in html
    assert "笔记内容" not in html  # the text stays with the member and the officers
    assert reverse("study:person", args=[member.pk]) not in html
    secretary_html = login(world.secretary).get(SHEET).content.decode()
    assert reverse("study:person", args=[member.pk]) in secretary_html


def test_checker_marks_checked_and_reads_nothing_else(world, branch, login):
    member = world.people["member"]
    n = note(branch, member, date(2023, 3, 5))
    m = meeting(branch, "支部党员大会", date(2023, 3, 10))
    client = login(world.checker)
    response = client.post(
        SHEET, {"checked_on": "2023-04-02", f"result_{member.pk}": "pass", f"remark_{member.pk}": "认真"}
    )
    assert response.status_code == 302
    assert NoteCheck.objects.get(person=member, month=date(2023, 3, 1)).result == "pass"
    for url in (
        reverse("study:note", args=[n.pk]),
        reverse("study:person", args=[member.pk]),
        reverse("study:notes") + "?org=yucai",
        reverse("study:index") + "?org=yucai",
        reverse("meetings:detail", args=[m.pk]),
        reverse("voice:consultations") + "?org=yucai",
    ):
        assert client.get(url).status_code == 403, url
