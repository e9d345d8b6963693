"""The public board, without login: only what is published and inside its window today, of this
organisation; text escaped; objections inside the 公示 period only; the contact never shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from zhibu.disclosure.models import Objection, Status
from zhibu.disclosure.tests.factories import NoticeAttachmentFactory

from . import helpers

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _board(client, code="yucai") -> str:
    response = client.get(reverse("board:index", args=[code]))
    assert response.status_code == 200
    return response.content.decode()


def test_only_published_items_in_their_window_show(world, client):
    shown = helpers.notice(world.branch, title="本年度工作计划", publish_from=TODAY() - timedelta(days=30))
    hidden = [
        helpers.draft(world.branch, title="尚未发布的草稿"),
        helpers.notice(world.branch, title="已撤回的事项", status=Status.WITHDRAWN),
        helpers.notice(world.branch, title="下月才公开", publish_from=TODAY() + timedelta(days=3)),
        helpers.notice(
            world.branch,
            title="已过期的公示",
            kind="notice",
            publish_from=TODAY() - timedelta(days=10),
            publish_until=TODAY() - timedelta(days=1),
        ),
        helpers.draft(world.other_branch, title="十四中的草稿"),
        helpers.notice(world.other_branch, title="十四中的计划"),
    ]
    page = _board(client)
    assert "本年度工作计划" in page
    for notice in hidden:
        assert notice.title not in page
        response = client.get(reverse("board:item", args=["yucai", notice.pk]))
        assert response.status_code == 404, notice.title
    assert client.get(reverse("board:item", args=["yucai", shown.pk])).status_code == 200
    assert "十四中的计划" in _board(client, "school-14") and "十四中的草稿" not in _board(client, "school-14")


def test_unknown_board_is_404(db, client):
    assert client.get(reverse("board:index", args=["nowhere"])).status_code == 404


def test_html_and_script_are_shown_escaped(world, client):
    notice = helpers.notice(
        world.branch,
        title="<script>alert('t')</script>计划",
        body='<img src=x onerror="alert(1)"><b>加粗</b>',
    )
    board = _board(client)
    assert "<script>alert" not in board and "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;计划" in board
    item = client.get(reverse("board:item", args=["yucai", notice.pk])).content.decode()
    assert "<img" not in item and "<b>" not in item
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;b&gt;加粗&lt;/b&gt;" in item


def test_attachment_download_for_the_public(world, client):
    notice = helpers.notice(world.branch)
    item = NoticeAttachmentFactory(notice=notice, organisation=world.branch)
    response = client.get(reverse("board:file", args=["yucai", notice.pk, item.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    draft_file = NoticeAttachmentFactory(notice=helpers.draft(world.branch), organisation=world.branch)
    response = client.get(reverse("board:file", args=["yucai", draft_file.notice_id, draft_file.pk]))
    assert response.status_code == 404


def test_objection_from_the_page_and_the_contact_stays_private(world):
    notice = helpers.open_notice(world.branch)
    client = Client(enforce_csrf_checks=True)
    url = reverse("board:item", args=["yucai", notice.pk])
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    data = {
        "name": "王老师",
        "contact": "微信wang_teacher",
        "text": "建议补充事迹。",
        "csrfmiddlewaretoken": token,
    }
    response = client.post(reverse("board:objection", args=["yucai", notice.pk]), data)
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.name, objection.contact) == ("王老师", "微信wang_teacher")
    public = client.get(url).content.decode()
    assert "wang_teacher" not in public and "王老师" not in public


def test_objection_without_the_csrf_token_is_refused(world):
    notice = helpers.open_notice(world.branch)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("board:objection", args=["yucai", notice.pk]), {"name": "王", "contact": "x", "text": "异议"}
    )
    assert response.status_code == 403 and not Objection.objects.exists()


def test_objection_after_the_period_says_so_and_writes_nothing(world, client):
    notice = helpers.notice(
        world.branch,
        kind="notice",
        publish_from=TODAY() - timedelta(days=8),
        publish_until=TODAY() - timedelta(days=1),
    )
    response = client.post(
        reverse("board:objection", args=["yucai", notice.pk]),
        {"name": "王", "contact": "x", "text": "异议"},
        follow=True,
    )
    assert "不再受理异议" in response.content.decode()
    assert not Objection.objects.exists()


def test_objection_with_missing_fields_names_them_and_writes_nothing(world, client):
    notice = helpers.open_notice(world.branch)
    response = client.post(reverse("board:objection", args=["yucai", notice.pk]), {"name": "王", "text": ""})
    assert response.status_code == 400
    assert "请填写联系方式" in str(response.context["form"].errors["contact"])
    assert not Objection.objects.exists()


def test_objections_from_one_address_are_limited(world, client, monkeypatch):
    monkeypatch.setattr("zhibu.disclosure.views.public.OBJECTIONS_PER_HOUR", 2)
    notice = helpers.open_notice(world.branch)
    url = reverse("board:objection", args=["yucai", notice.pk])
    statuses = [
        client.post(url, {"name": "王", "contact": "x", "text": f"异议{n}"}).status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429] and Objection.objects.count() == 2


def test_other_branchs_items_are_not_reached_through_this_board(world, client):
    other = helpers.notice(world.other_branch)
    assert client.get(reverse("board:item", args=["yucai", other.pk])).status_code == 404
