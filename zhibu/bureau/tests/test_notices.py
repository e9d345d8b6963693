"""Notices from the bureau: issued, relayed, overdue on both sides, on the branch's calendar; bad
input refused in Chinese with nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhibu.bureau import services
from zhibu.bureau.models import Notice, NoticeReceipt
from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import findings

from .factories import NoticeFactory, NoticeReceiptFactory, overdue

TITLE = "传达学习《中小学德育工作指南》"


def _issue(world, **data):
    fields = {"title": TITLE, "kind": "relay", "due_on": timezone.localdate() + timedelta(days=10), **data}
    return services.notice_issue(actor=world.bureau, organisation=world.bureau_org, **fields)


def test_issue_to_every_branch_reaches_both_and_the_calendar(world, login):
    notice = _issue(world)
    assert notice.all_branches and AuditEntry.objects.filter(action="bureau.notice.issued").count() == 1
    client = login(world.secretary)
    assert TITLE in client.get("/bureau/notices/").content.decode()
    calendar = client.get("/meetings/calendar/").content.decode()
    assert "其他待办事项" in calendar and TITLE in calendar
    assert TITLE in login(world.outsider).get("/bureau/notices/").content.decode()


def test_issue_through_the_form_to_chosen_branches(world, login):
    client = login(world.bureau)
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        "/bureau/notices/new/",
        {"title": "报送2026年上半年工作总结", "kind": "submit", "due_on": due, "targets": [world.branch.pk]},
    )
    notice = Notice.objects.get()
    assert response.status_code == 302 and not notice.all_branches
    assert list(notice.targets.all()) == [world.branch]
    assert "上半年" not in login(world.outsider).get("/bureau/notices/").content.decode()
    assert login(world.outsider).get(f"/bureau/notices/{notice.pk}/").status_code == 404
    page = login(world.bureau).get(f"/bureau/notices/{notice.pk}/").content.decode()
    assert "XX市育才学校党支部" in page and "第十四中学" not in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"due_on": "2020-01-01", "all_branches": "on"}, "due_on", "完成期限2020-01-01已过"),
        ({"due_on": "2999-01-01"}, "targets", "请至少选择一个接收通知的党支部"),
        ({"due_on": "2999-01-01", "all_branches": "on", "title": " "}, "title", "请填写通知标题"),
    ],
)
def test_bad_notice_is_refused_in_chinese_and_nothing_written(world, login, data, field, message):
    response = login(world.bureau).post("/bureau/notices/new/", {"title": TITLE, "kind": "relay", **data})
    assert response.status_code == 400
    assert message in str(response.context["form"].errors.get(field, ""))
    assert (
        not Notice.objects.exists() and not AuditEntry.objects.filter(action="bureau.notice.issued").exists()
    )


def test_a_branch_outside_the_committee_cannot_be_chosen(world):
    from zhibu.core.tests.factories import make_org

    stranger = make_org("far", "XX市远方中学党支部")
    with pytest.raises(ValidationError) as error:
        _issue(world, targets=[stranger])
    assert "不是XX市教育体育局党委的下级党支部" in str(error.value)
    assert not Notice.objects.exists()


def test_relay_once_through_the_page(world, login):
    notice = _issue(world)
    client = login(world.secretary)
    url = f"/bureau/notices/{notice.pk}/?org=yucai"
    assert "记录传达" in client.get(url).content.decode()
    today = timezone.localdate().isoformat()
    response = client.post(url, {"done_on": today, "note": "支部党员大会集中传达学习"})
    assert response.status_code == 302
    receipt = NoticeReceipt.objects.get()
    assert (receipt.organisation, receipt.recorded_by) == (world.branch, world.secretary)
    assert AuditEntry.objects.filter(action="bureau.notice.relayed").count() == 1
    with pytest.raises(ValidationError, match="已登记过"):
        services.notice_relay(
            actor=world.committee, notice=notice, branch=world.branch, done_on=timezone.localdate()
        )
    # The calendar no longer lists it; the bureau sees the date.
    assert TITLE not in client.get("/meetings/calendar/").content.decode()
    assert today in login(world.bureau).get(f"/bureau/notices/{notice.pk}/").content.decode()


def test_relay_in_the_future_is_refused(world, login):
    notice = _issue(world)
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = login(world.secretary).post(f"/bureau/notices/{notice.pk}/?org=yucai", {"done_on": future})
    assert response.status_code == 400 and "传达日期不能晚于今天" in response.content.decode()
    assert not NoticeReceipt.objects.exists()


def test_a_member_may_not_relay(world, login):
    notice = _issue(world)
    response = login(world.member).post(
        f"/bureau/notices/{notice.pk}/?org=yucai", {"done_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 403 and not NoticeReceipt.objects.exists()


def test_overdue_notice_is_a_finding_for_the_branch_and_for_the_bureau(world):
    notice = overdue(NoticeFactory(organisation=world.bureau_org, title=TITLE, issued_by=world.bureau))
    NoticeReceiptFactory(notice=notice, organisation=world.other_branch, recorded_by=world.outsider)
    year = Period.year(timezone.localdate().year)
    if notice.due_on.year != year.start.year:  # early January: the deadline fell last year
        year = Period.year(notice.due_on.year)
    own = [f for f in findings.run(world.branch, year, ["bureau.notice_overdue"])]
    assert [f.organisation for f in own] == [world.branch] and TITLE in own[0].message
    above = [f for f in findings.run(world.bureau_org, year, ["bureau.notice_overdue"])]
    assert [f.organisation for f in above] == [world.branch]  # 十四中 relayed it
    assert not list(findings.run(world.other_branch, year, ["bureau.notice_overdue"]))
