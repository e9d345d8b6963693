"""Rows for disclosure tests (test setup, not the code under test)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from zhibu.disclosure.models import Kind, Status

from .factories import NoticeFactory, ObjectionFactory


def notice(org, **kwargs):
    return NoticeFactory(organisation=org, **kwargs)


def draft(org, **kwargs):
    kwargs.setdefault("title", "下半年工作部署（草稿）")
    return NoticeFactory(organisation=org, status=Status.DRAFT, published_on=None, **kwargs)


def open_notice(org, **kwargs):
    """A 公示 on the board today: from two days ago to five days on."""
    today = timezone.localdate()
    kwargs.setdefault("title", "优秀共产党员推荐人选公示")
    return NoticeFactory(
        organisation=org,
        kind=Kind.NOTICE,
        publish_from=today - timedelta(days=2),
        publish_until=today + timedelta(days=5),
        **kwargs,
    )


def objection(notice, received: date | None = None, **kwargs):
    return ObjectionFactory(
        notice=notice, organisation=notice.organisation, received_on=received or notice.publish_from, **kwargs
    )
