"""从台账生成: the page lists the sources the user may read, shows a source's drafts for a period,
and a button makes one a disclosure draft (the meetings ledger's 组织生活落实情况 here)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from zhibu.core.registries import publishable
from zhibu.disclosure.models import Notice, Status
from zhibu.meetings.tests.helpers import make_meeting

pytestmark = pytest.mark.django_db
SPAN = {"org": "yucai", "from": "2023-01-01", "to": "2023-12-31"}


def test_the_meetings_source_becomes_a_draft(world, login):
    make_meeting(world.branch, "general_meeting", topic="学习党章")
    make_meeting(world.other_branch, "general_meeting", topic="十四中的会议")
    client = login(world.committee)
    page = client.get(reverse("disclosure:ledgers"), {**SPAN, "source": "meetings.held"})
    assert "meetings.held" in [s.code for s in page.context["sources"]]
    [(index, draft)] = page.context["drafts"]
    assert "2023年3月8日 支部党员大会：学习党章" in draft.body and "十四中" not in draft.body
    response = client.post(
        reverse("disclosure:from_ledger") + "?org=yucai",
        {"source": "meetings.held", "index": index, "from": "2023-01-01", "to": "2023-12-31"},
    )
    assert response.status_code == 302
    notice = Notice.objects.get()
    assert (notice.kind, notice.status, notice.source_code) == (
        "implementation",
        Status.DRAFT,
        "meetings.held",
    )
    assert notice.title == "2023年1月1日至2023年12月31日组织生活落实情况"


def test_sources_the_user_cannot_read_are_not_offered(world, login):
    saved = dict(publishable._SOURCES)
    publishable.register("test.secret", label="仅局党委", perm="core.organisations.manage", kind="plan")(
        lambda org, period: [publishable.Draft(title="x", body="", kind="plan")]
    )
    try:
        client = login(world.secretary)
        page = client.get(reverse("disclosure:ledgers"), {**SPAN, "source": "test.secret"})
        assert (
            "test.secret" not in [s.code for s in page.context["sources"]] and page.context["source"] is None
        )
        response = client.post(
            reverse("disclosure:from_ledger") + "?org=yucai",
            {"source": "test.secret", "index": "0", "from": "2023-01-01", "to": "2023-12-31"},
        )
        assert response.status_code == 302 and not Notice.objects.exists()
    finally:
        publishable._SOURCES.clear()
        publishable._SOURCES.update(saved)


def test_a_sensitive_source_is_refused_on_the_page(world, login):
    saved = dict(publishable._SOURCES)
    publishable.register(
        "test.sensitive", label="敏感台账", perm="meetings.view", kind="notice", sensitive=True
    )(lambda org, period: [publishable.Draft(title="x", body="", kind="notice")])
    try:
        client = login(world.secretary)
        response = client.post(
            reverse("disclosure:from_ledger") + "?org=yucai",
            {"source": "test.sensitive", "index": "0", "from": "2023-01-01", "to": "2023-12-31"},
            follow=True,
        )
        assert "涉及敏感信息，不能公开" in response.content.decode()
        assert not Notice.objects.exists()
    finally:
        publishable._SOURCES.clear()
        publishable._SOURCES.update(saved)


def test_a_member_gets_no_ledgers_page(world, login):
    assert login(world.member).get(reverse("disclosure:ledgers"), {"org": "yucai"}).status_code == 403
