"""文稿校对 pages: paste and accept (no script needed), the branch's entries (happy path, wrong role,
another branch 404, bad input with a Chinese message and nothing written)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.proofread.checker import check
from zhibu.proofread.models import ConfusionEntry

from .factories import ConfusionEntryFactory

pytestmark = pytest.mark.django_db
CHECK = reverse("proofread:check") + "?org=yucai"
ENTRIES = reverse("proofread:entries") + "?org=yucai"
TEXT = "三、存在的缺乏：组织开展近两年没有。满意率到达95%。"


def test_paste_marks_suggestions_and_accepts_one_then_all(world, login):
    client = login(world.committee)
    assert "文稿校对" in client.get(CHECK).content.decode()
    page = client.post(CHECK, {"text": TEXT, "check": "1"}).content.decode()
    assert "<mark" in page and "改为“不足”" in page and "改为“组织发展”" in page and "发现3处疑似错误" in page
    token = check(TEXT)[0].token
    page = client.post(CHECK, {"text": TEXT, "accept": token}).content.decode()
    assert "已将“缺乏”改为“不足”" in page and "存在的不足：组织开展近两年没有" in page
    page = client.post(CHECK, {"text": "存在的不足：组织开展近两年没有。满意率到达95%。", "accept_all": "1"})
    body = page.content.decode()
    assert "已改正2处" in body and "存在的不足：组织发展近两年没有。满意率达到95%。" in body
    assert "没有发现疑似错误" in body


def test_accepting_on_a_changed_text_changes_nothing(world, login):
    client = login(world.secretary)
    token = check(TEXT)[0].token
    changed = "前言。" + TEXT
    page = client.post(CHECK, {"text": changed, "accept": token}).content.decode()
    assert "文字已改动" in page and "前言。三、存在的缺乏" in page


def test_paste_bad_input_says_why(world, login):
    client = login(world.secretary)
    empty = client.post(CHECK, {"text": "   ", "check": "1"})
    assert empty.status_code == 400 and "请粘贴要校对的文字" in empty.content.decode()
    long = client.post(CHECK, {"text": "字" * 20001, "check": "1"})
    assert long.status_code == 400 and "文字过长" in long.content.decode()


def test_paste_page_wrong_role_and_other_branch(world, login):
    assert login(world.member).get(CHECK).status_code == 403
    assert login(world.outsider).get(CHECK).status_code == 404


def test_branch_entry_added_flags_and_is_removed(world, login):
    client = login(world.secretary)
    response = client.post(
        ENTRIES, {"wrong": "带头人物", "right": "带头人", "before": "", "after": "", "note": ""}
    )
    assert response.status_code == 302
    entry = ConfusionEntry.objects.get()
    assert entry.organisation == world.branch
    assert AuditEntry.objects.filter(action="proofread.entry.added").count() == 1
    page = client.post(CHECK, {"text": "他是党员中的带头人物。", "check": "1"}).content.decode()
    assert "改为“带头人”" in page
    # Another branch's checks are untouched by this branch's entry.
    assert check("他是党员中的带头人物。", world.other_branch) == []
    response = client.post(reverse("proofread:entry_remove", args=[entry.pk]))
    assert response.status_code == 302 and response.url == ENTRIES
    assert not ConfusionEntry.objects.exists()
    assert AuditEntry.objects.filter(action="proofread.entry.removed").count() == 1


def test_bureau_entry_applies_to_its_branches(world):
    ConfusionEntryFactory(organisation=world.bureau_org, wrong="学案导学", right="导学案")
    assert [s.right for s in check("推行学案导学", world.branch)] == ["导学案"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"wrong": "", "right": "发展"}, "请填写含汉字的错误写法"),
        ({"wrong": "开展", "right": ""}, "请填写正确写法"),
        ({"wrong": "开展", "right": "开展"}, "正确写法与错误写法相同"),
        ({"wrong": "帐", "right": "账"}, "单字词条容易误报"),
    ],
)
def test_entry_bad_input_writes_nothing(world, login, data, message):
    response = login(world.secretary).post(ENTRIES, {"before": "", "after": "", "note": "", **data})
    assert response.status_code == 400 and message in response.content.decode()
    assert not ConfusionEntry.objects.exists()


def test_duplicate_entry_is_refused(world, login):
    ConfusionEntryFactory(organisation=world.branch)
    data = {"wrong": "带头人物", "right": "带头人", "before": "", "after": "", "note": ""}
    response = login(world.secretary).post(ENTRIES, data)
    assert "已有相同的词条" in response.content.decode() and ConfusionEntry.objects.count() == 1


def test_entries_wrong_role_and_other_branch(world, login):
    entry = ConfusionEntryFactory(organisation=world.branch)
    remove = reverse("proofread:entry_remove", args=[entry.pk])
    assert login(world.committee).get(ENTRIES).status_code == 403
    assert login(world.committee).post(remove).status_code == 403
    assert login(world.outsider).get(ENTRIES).status_code == 404
    assert login(world.outsider).post(remove).status_code == 404
    assert ConfusionEntry.objects.count() == 1
