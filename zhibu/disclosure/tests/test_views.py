"""Officers' pages: happy path, wrong role (403), another branch (404), bad input (the message
beside the field, nothing written), the export read back."""

from __future__ import annotations

import io
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.disclosure.models import Notice, Objection, Status

from . import helpers

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _post(**kwargs) -> dict:
    return {"kind": "notice", "title": "优秀共产党员推荐人选公示", "body": "刘晓筱（组织委员）",
            "publish_from": TODAY().isoformat(), "publish_until": (TODAY() + timedelta(days=6)).isoformat(),
            **kwargs}  # fmt: skip


def test_draft_then_publish_from_the_pages(world, login):
    client = login(world.committee)
    response = client.post(reverse("disclosure:create") + "?org=yucai", _post())
    notice = Notice.objects.get()
    assert response.status_code == 302 and response.url == notice.get_absolute_url()
    assert notice.status == Status.DRAFT
    page = client.get(notice.get_absolute_url())
    assert page.status_code == 200 and not page.context["can_publish"]
    client = login(world.secretary)
    response = client.post(reverse("disclosure:publish", args=[notice.pk]), {"version": notice.version})
    notice.refresh_from_db()
    assert response.status_code == 302 and notice.status == Status.PUBLISHED
    listing = client.get(reverse("disclosure:index"), {"org": "yucai"})
    assert [n.pk for n in listing.context["page"].object_list] == [notice.pk]


def test_window_ending_before_it_starts_shows_the_field_and_writes_nothing(world, login):
    before = AuditEntry.objects.count()
    response = login(world.secretary).post(
        reverse("disclosure:create") + "?org=yucai",
        _post(publish_until=(TODAY() - timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 200
    assert "不能早于公开起始日期" in str(response.context["form"].errors["publish_until"])
    assert not Notice.objects.exists() and AuditEntry.objects.count() == before


def test_phone_number_in_the_body_is_refused_on_the_page(world, login):
    response = login(world.secretary).post(
        reverse("disclosure:create") + "?org=yucai", _post(body="电话13912345678")
    )
    assert "正文中含有电话号码" in str(response.context["form"].errors["body"])
    assert not Notice.objects.exists()


def test_wrong_role_and_other_branch(world, login):
    assert login(world.member).post(reverse("disclosure:create") + "?org=yucai", _post()).status_code == 403
    draft = helpers.draft(world.branch)
    assert login(world.outsider).get(reverse("disclosure:notice", args=[draft.pk])).status_code == 404
    response = login(world.committee).post(
        reverse("disclosure:publish", args=[draft.pk]), {"version": draft.version}
    )
    assert response.status_code == 403
    assert Notice.objects.get().status == Status.DRAFT


def test_withdraw_takes_the_item_off_the_board(world, login, client):
    notice = helpers.notice(world.branch, publish_from=TODAY())
    board = reverse("board:index", args=["yucai"])
    assert notice.title in login(None).get(board).content.decode()
    login(world.secretary).post(
        reverse("disclosure:withdraw", args=[notice.pk]), {"version": notice.version, "reason": "有误"}
    )
    notice.refresh_from_db()
    assert notice.status == Status.WITHDRAWN
    assert notice.title not in login(None).get(board).content.decode()


def test_answer_an_objection_and_officers_see_the_contact(world, login):
    objection = helpers.objection(helpers.open_notice(world.branch), received=TODAY(), contact="教工之家留言")
    client = login(world.secretary)
    assert (
        "教工之家留言"
        in client.get(reverse("disclosure:notice", args=[objection.notice_id])).content.decode()
    )
    response = client.post(
        reverse("disclosure:answer", args=[objection.pk]),
        {"answer": "已核实。", "answered_on": TODAY().isoformat(), "version": objection.version},
    )
    objection.refresh_from_db()
    assert response.status_code == 302 and objection.answer == "已核实。"


def test_answer_without_text_writes_nothing(world, login):
    objection = helpers.objection(helpers.open_notice(world.branch), received=TODAY())
    response = login(world.secretary).post(
        reverse("disclosure:answer", args=[objection.pk]),
        {"answer": " ", "answered_on": TODAY().isoformat(), "version": objection.version},
    )
    assert "请填写答复" in str(response.context["form"].errors["answer"])
    objection.refresh_from_db()
    assert objection.answered_on is None


def test_export_reads_back(world, login):
    notice = helpers.open_notice(world.branch)
    helpers.objection(notice, answer="已答复", answered_on=TODAY())
    helpers.draft(world.branch)
    response = login(world.secretary).get(reverse("disclosure:export"), {"org": "yucai"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = [[c.value for c in row] for row in book.active.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "类别")
    assert rows[header][:3] == ["类别", "标题", "状态"]
    body = rows[header + 1 :]
    assert ["公示", "优秀共产党员推荐人选公示", "已发布"] in [r[:3] for r in body]
    assert any(r[2] == "草稿" for r in body)
    assert [r[7:9] for r in body if r[0] == "公示"] == [[1, 1]]


def test_search_finds_drafts_for_officers_only(world, login):
    from zhibu.core import search_index

    helpers.draft(world.branch, title="主题党日活动安排")
    search_index.reindex(["disclosure.notices"])  # factories bypass the audited writes
    url = reverse("core:search")
    assert "活动安排" in login(world.secretary).get(url, {"q": "主题党日"}).content.decode()
    assert "活动安排" not in login(world.member).get(url, {"q": "主题党日"}).content.decode()


def test_a_draft_goes_to_the_recycle_bin_a_notice_with_objections_does_not(world, login):
    from zhibu.disclosure.tests.factories import NoticeAttachmentFactory

    draft = helpers.draft(world.branch)
    NoticeAttachmentFactory(notice=draft, organisation=world.branch)
    client = login(world.secretary)
    response = client.post(reverse("core:remove", args=["disclosure.notice", draft.pk]), {"reason": "重复"})
    assert response.status_code == 302 and not Notice.objects.filter(pk=draft.pk).exists()
    objection = helpers.objection(helpers.open_notice(world.branch))
    response = client.post(
        reverse("core:remove", args=["disclosure.notice", objection.notice_id]), {"reason": "x"}
    )
    assert response.status_code == 200  # the form again, saying why: the objections are kept
    assert Notice.objects.filter(pk=objection.notice_id).exists() and Objection.objects.count() == 1
