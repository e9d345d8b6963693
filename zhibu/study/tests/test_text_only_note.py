"""A study note typed as text, without a scan, saves (it used to be an HTTP 500 when the audit snapshot
touched the empty file field) and shows as text; its scan URL is a 404."""

from __future__ import annotations

from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.study.models import StudyNote


def test_member_saves_a_study_note_without_a_scan(world, branch, login):
    client = login(world.member)
    response = client.post(
        reverse("study:note_create"),
        {"written_on": "2022-05-06", "title": "五月笔记", "text": "学习党章的体会"},
    )
    note = StudyNote.objects.get()
    assert response.status_code == 302 and response.url == reverse("study:note", args=[note.pk])
    assert note.person == world.people["member"] and not note.scan
    entry = AuditEntry.objects.get(action="study.note.created")
    assert entry.after["scan"] == "" and entry.after["title"] == "五月笔记"

    page = client.get(response.url)
    assert page.status_code == 200 and "学习党章的体会" in page.content.decode()
    assert "文字" in client.get(reverse("study:mine")).content.decode()
    assert client.get(reverse("study:note_scan", args=[note.pk])).status_code == 404
