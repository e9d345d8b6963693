"""The report editor marks suspected wrong words of a paragraph; accepting one saves the corrected
paragraph through the report-edit service, as a new audited revision."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import proofing
from zhibu.reports import drafting, services
from zhibu.reports.models import ReportRevision

pytestmark = pytest.mark.django_db
WRONG = "我校党员参与人数到达80%，为学校的开展打下基础。"


@pytest.fixture
def record(world):
    record = services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="weekly", period=Period.week(date(2023, 5, 8))
    )
    return services.paragraph_edit(
        actor=world.secretary, document=record, key="p1", text=WRONG, version=record.version
    )


def _p1(record) -> str:
    record.refresh_from_db()
    return next(p.text for p in drafting.load(record).paragraphs() if p.key == "p1")


def test_editor_marks_and_accepting_creates_a_revision(record, world, login):
    client = login(world.committee)
    edit = reverse("reports:paragraph_edit", args=[record.pk, "p1"])
    page = client.get(edit).content.decode()
    assert "校对：2处疑似错误" in page and "改为“达到”" in page and "改为“发展”" in page
    revisions = ReportRevision.objects.count()
    token = proofing.check(WRONG, world.branch)[1].token
    accept = reverse("reports:paragraph_accept", args=[record.pk, "p1"])
    response = client.post(accept, {"token": token, "version": record.version})
    assert response.status_code == 302 and response.url == edit
    assert _p1(record) == "我校党员参与人数到达80%，为学校的发展打下基础。"
    assert ReportRevision.objects.count() == revisions + 1
    entry = AuditEntry.objects.filter(action="reports.paragraph.edited").latest("pk")
    assert entry.actor == world.committee and "学校的发展" in entry.after["text"]
    assert "校对：1处疑似错误" in client.get(edit).content.decode()


def test_accepting_a_stale_suggestion_or_version_writes_nothing(record, world, login):
    client = login(world.secretary)
    accept = reverse("reports:paragraph_accept", args=[record.pk, "p1"])
    revisions = ReportRevision.objects.count()
    client.post(accept, {"token": "0:2:改", "version": record.version})
    assert (
        "这条校对建议不再适用"
        in client.get(reverse("reports:paragraph_edit", args=[record.pk, "p1"])).content.decode()
    )
    token = proofing.check(WRONG, world.branch)[0].token
    client.post(accept, {"token": token, "version": record.version - 1})
    assert ReportRevision.objects.count() == revisions and _p1(record) == WRONG


def test_accept_wrong_role_and_other_branch(record, world, login):
    accept = reverse("reports:paragraph_accept", args=[record.pk, "p1"])
    token = proofing.check(WRONG, world.branch)[0].token
    assert login(world.member).post(accept, {"token": token}).status_code == 403
    assert login(world.bureau).post(accept, {"token": token}).status_code == 403
    assert login(world.outsider).post(accept, {"token": token}).status_code == 404
    assert _p1(record) == WRONG


def test_document_page_lists_paragraphs_to_proofread(record, world, login):
    page = login(world.secretary).get(reverse("reports:document", args=[record.pk])).content.decode()
    edit = reverse("reports:paragraph_edit", args=[record.pk, "p1"])
    assert "校对提示" in page and f'href="{edit}">“到达”→“达到”、“开展”→“发展”</a>' in page
    assert (
        "校对提示"
        not in login(world.bureau).get(reverse("reports:document", args=[record.pk])).content.decode()
    )


def test_check_parts_keys_each_suggestion_to_its_paragraph(world):
    parts = [("p1", "学校的开展。"), ("p2", "开展活动。"), ("p3", "存在的缺乏：")]
    found = proofing.check_parts(parts, world.branch)
    assert {k: [(s.start, s.right) for s in v] for k, v in found.items()} == {
        "p1": [(3, "发展")],
        "p3": [(3, "不足")],
    }


def test_zhibu_own_annual_summary_has_no_flag(world):
    """zhibu's own drafting (a two-year summary of an empty ledger: every 存在的不足 sentence, 近两年没有
    发展党员 …) is correct 公文 text: the proofreader marks nothing in it."""
    record = services.document_generate(
        actor=world.secretary,
        organisation=world.branch,
        kind="annual",
        period=Period.span(date(2021, 9, 1), date(2023, 7, 31)),
    )
    paragraphs = drafting.load(record).paragraphs()
    assert len(paragraphs) > 5
    assert proofing.check_parts([(p.key, p.text) for p in paragraphs], world.branch) == {}
