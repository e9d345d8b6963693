"""Pages: happy paths through the UI, wrong role (403), another branch (404), bad input (a Chinese
message, nothing written), user text shown escaped, and the 承诺台账 export read back."""

import csv
from datetime import date
from io import BytesIO, StringIO

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from zhibu.pledges.models import Duty, ItemClosing, ItemProgress, Pledge, PledgeItem

from .factories import DutyFactory, ItemProgressFactory, PledgeFactory, PledgeItemFactory, closed_item
from .helpers import PNG

ORG = "?org=yucai"
SCRIPT = "<script>alert('x')</script>"


def _pledge_post(world, **over):
    return {
        "scope": "member",
        "person": world.people["member"].pk,
        "title": "2022—2023学年党员公开承诺",
        "identity": "中共党员、语文教师",
        "starts_on": "2022-09-15",
        "ends_on": "2023-07-10",
        **over,
    }


def test_a_pledge_from_the_form_to_its_closing(world, login):
    member = login(world.member)
    # The member's form has no scope or person: the pledge is hers.
    response = member.post(
        reverse("pledges:pledge_create") + ORG, _pledge_post(world, scope="branch", person="")
    )
    pledge = Pledge.objects.get()
    assert (
        response.status_code == 302 and pledge.person == world.people["member"] and pledge.scope == "member"
    )
    response = member.post(
        reverse("pledges:item_create", args=[pledge.pk]),
        {"content": "上好一节示范课", "due_on": "2023-04-30"},
    )
    item = PledgeItem.objects.get()
    assert response.url == reverse("pledges:pledge", args=[pledge.pk])
    member.post(reverse("pledges:progress_add", args=[item.pk]), {"noted_on": "2023-03-01", "text": "已备课"})
    assert ItemProgress.objects.count() == 1
    secretary = login(world.secretary)
    upload = SimpleUploadedFile("评课记录.png", PNG, content_type="image/png")
    response = secretary.post(
        reverse("pledges:item_close", args=[item.pk]),
        {"version": item.version, "closed_on": "2023-04-20", "evidence": "", "attachment": upload},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.closed_on == date(2023, 4, 20)
    secretary.post(
        reverse("pledges:item_reopen", args=[item.pk]), {"version": item.version, "reason": "缺评课表"}
    )
    page = member.get(reverse("pledges:item", args=[item.pk])).content.decode()
    assert "已备课" in page and "缺评课表" in page and "评课记录.png" in page and "重新打开" in page
    closing = ItemClosing.objects.get(kind="closed")
    file = member.get(reverse("pledges:evidence", args=[closing.pk]))
    assert file.status_code == 200 and b"".join(file.streaming_content) == PNG
    assert file["Cache-Control"] == "no-store"
    assert login(world.outsider).get(reverse("pledges:evidence", args=[closing.pk])).status_code == 404


def test_closing_without_evidence_shows_the_message_and_writes_nothing(world, login):
    item = PledgeItemFactory(pledge=PledgeFactory(organisation=world.branch, person=world.people["member"]))
    response = login(world.committee).post(
        reverse("pledges:item_close", args=[item.pk]), {"version": item.version, "closed_on": "2023-04-20"}
    )
    assert response.status_code == 200 and "销号需要填写完成情况或上传佐证材料" in response.content.decode()
    item.refresh_from_db()
    assert item.closed_on is None and ItemClosing.objects.count() == 0


def test_the_pledger_closing_her_own_item_sees_a_chinese_refusal(world, login):
    item = PledgeItemFactory(
        pledge=PledgeFactory(organisation=world.branch, person=world.people["committee"])
    )
    response = login(world.committee).post(
        reverse("pledges:item_close", args=[item.pk]), {"version": item.version, "evidence": "我已完成"}
    )
    assert response.status_code == 200 and "不能为自己的承诺事项销号" in response.content.decode()
    assert ItemClosing.objects.count() == 0
    page = login(world.committee).get(reverse("pledges:item", args=[item.pk])).content.decode()
    assert "须由书记或其他支委核验销号" in page and "核验销号</button>" not in page
    # The member may not verify at all; another branch's secretary finds nothing.
    own = PledgeItemFactory(pledge=PledgeFactory(organisation=world.branch, person=world.people["member"]))
    assert (
        "核验销号</button>"
        in login(world.committee).get(reverse("pledges:item", args=[own.pk])).content.decode()
    )
    data = {"version": own.version, "evidence": "已完成"}
    assert login(world.member).post(reverse("pledges:item_close", args=[own.pk]), data).status_code == 403
    assert login(world.outsider).post(reverse("pledges:item_close", args=[own.pk]), data).status_code == 404
    assert ItemClosing.objects.count() == 0


def test_a_deadline_before_the_start_is_refused_on_the_page(world, login):
    pledge = PledgeFactory(organisation=world.branch, person=world.people["member"])
    response = login(world.member).post(
        reverse("pledges:item_create", args=[pledge.pk]), {"content": "示范课", "due_on": "2022-09-01"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "完成时限（2022年9月1日）不能早于承诺日期（2022年9月15日）" in page
    assert PledgeItem.objects.count() == 0


def test_pages_refuse_the_wrong_role_and_the_other_branch(world, login):
    other = PledgeFactory(organisation=world.branch, person=world.people["committee"])
    item = PledgeItemFactory(pledge=other)
    member = login(world.member)
    assert member.get(reverse("pledges:pledge_edit", args=[other.pk])).status_code == 403
    post = {"content": "代写", "due_on": "2023-04-30"}
    assert member.post(reverse("pledges:item_create", args=[other.pk]), post).status_code == 403
    assert member.post(reverse("pledges:progress_add", args=[item.pk]), {"text": "x"}).status_code == 403
    assert member.post(reverse("pledges:duty_create") + ORG, {"post": "x"}).status_code == 403
    assert login(world.checker).get(reverse("pledges:index") + ORG).status_code == 403
    outsider = login(world.outsider)
    assert outsider.get(reverse("pledges:pledge", args=[other.pk])).status_code == 404
    assert outsider.get(reverse("pledges:item", args=[item.pk])).status_code == 404
    assert outsider.post(reverse("pledges:pledge_create") + ORG, _pledge_post(world)).status_code == 404
    assert (
        Pledge.objects.count() == 1 and PledgeItem.objects.count() == 1 and ItemProgress.objects.count() == 0
    )


def test_html_in_any_text_is_shown_escaped(world, login):
    pledge = PledgeFactory(
        organisation=world.branch, person=world.people["member"], title=SCRIPT, identity=SCRIPT, note=SCRIPT
    )
    item = PledgeItemFactory(pledge=pledge, content=SCRIPT)
    ItemProgressFactory(item=item, text=SCRIPT)
    closed = closed_item(world.people["secretary"], pledge=pledge, content="x")
    ItemClosing.objects.filter(item=closed).update(evidence=SCRIPT)
    DutyFactory(organisation=world.branch, person=world.people["member"], post=SCRIPT, content=SCRIPT)
    client = login(world.member)
    for url in (
        reverse("pledges:index") + ORG,
        reverse("pledges:pledge", args=[pledge.pk]),
        reverse("pledges:item", args=[item.pk]),
        reverse("pledges:item", args=[closed.pk]),
        reverse("pledges:duties") + ORG,
    ):
        page = client.get(url).content.decode()
        assert SCRIPT not in page and "&lt;script&gt;" in page, url


def test_html_typed_into_a_form_is_stored_as_text_and_escaped(world, login):
    client = login(world.member)
    client.post(reverse("pledges:pledge_create") + ORG, _pledge_post(world, title=SCRIPT))
    pledge = Pledge.objects.get()
    assert pledge.title == SCRIPT
    page = client.get(reverse("pledges:pledge", args=[pledge.pk])).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_the_list_filters_and_shows_the_figures(world, login):
    PledgeFactory(organisation=world.branch, person=world.people["member"], title="刘丹的承诺")
    PledgeFactory(organisation=world.branch, person=world.people["committee"], title="于雪华的承诺")
    PledgeFactory(organisation=world.other_branch, person=world.people["other_member"], title="别校的承诺")
    client = login(world.member)
    page = client.get(reverse("pledges:index") + ORG).content.decode()
    assert "刘丹的承诺" in page and "于雪华的承诺" in page and "别校的承诺" not in page
    assert "作出公开承诺" in page and "承诺事项按期完成率" in page
    page = client.get(
        reverse("pledges:index") + ORG + f"&person={world.people['member'].pk}"
    ).content.decode()
    assert "刘丹的承诺" in page and "于雪华的承诺" not in page


def test_duties_recorded_and_edited_by_officers(world, login):
    client = login(world.secretary)
    data = {
        "scope": "member",
        "person": world.people["committee"].pk,
        "post": "组织委员",
        "content": "负责组织发展。",
        "starts_on": "2020-09-01",
    }
    assert client.post(reverse("pledges:duty_create") + ORG, data).status_code == 302
    duty = Duty.objects.get()
    response = client.post(
        reverse("pledges:duty_edit", args=[duty.pk]), {**data, "post": "", "version": duty.version}
    )
    assert response.status_code == 200 and "请填写岗位" in response.content.decode()
    assert "组织委员" in login(world.member).get(reverse("pledges:duties") + ORG).content.decode()


def _ledger(world):
    pledge = PledgeFactory(organisation=world.branch, person=world.people["member"])
    done = closed_item(
        world.people["secretary"], pledge=pledge, content="上好一节示范课", due_on=date(2023, 4, 30)
    )
    ItemProgressFactory(item=done, noted_on=date(2023, 3, 1), text="已备课")
    ItemProgressFactory(item=done, noted_on=date(2023, 4, 10), text="已试讲")
    PledgeItemFactory(pledge=pledge, content="=HYPERLINK(1)", due_on=date(2023, 6, 30))
    branch = PledgeFactory(organisation=world.branch, scope="branch", person=None)
    PledgeItemFactory(pledge=branch, content="每月召开支委会", responsible=world.people["committee"])
    PledgeFactory(organisation=world.other_branch, person=world.people["other_member"])


HEADERS = ["承诺人", "承诺事项", "完成时限", "进展", "销号日期", "核验人"]


def test_the_ledger_exports_to_xlsx_with_the_official_headers(world, login):
    _ledger(world)
    response = login(world.member).get(reverse("pledges:export") + ORG + "&format=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    start = next(n for n, r in enumerate(rows) if r[:6] == HEADERS)
    data = rows[start + 1 :]
    done = next(r for r in data if r[1] == "上好一节示范课")
    assert done[0] == "刘丹" and done[3] == "已试讲" and done[5] == "张文华"
    assert str(done[2])[:10] == "2023-04-30" and str(done[4])[:10] == "2023-04-20"
    assert any(r[1] == "'=HYPERLINK(1)" for r in data)
    assert any(r[0] == "XX市育才学校党支部（于雪华）" for r in data)
    assert len(data) == 3  # the other branch's item is not in branch A's ledger


def test_the_ledger_exports_to_csv(world, login):
    _ledger(world)
    response = login(world.secretary).get(reverse("pledges:export") + ORG + "&format=csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(StringIO(text)))
    start = next(n for n, r in enumerate(rows) if r[:6] == HEADERS)
    assert len(rows[start + 1 :]) == 3
    assert login(world.bureau).get(reverse("pledges:export") + ORG).status_code == 403


def test_the_item_page_marks_an_overdue_item(world, login):
    today = timezone.localdate()
    pledge = PledgeFactory(
        organisation=world.branch, person=world.people["member"], starts_on=date(2022, 9, 1), ends_on=today
    )
    item = PledgeItemFactory(pledge=pledge, due_on=date(2023, 1, 1))
    assert "逾期未销号" in login(world.member).get(reverse("pledges:item", args=[item.pk])).content.decode()
