"""Talks in the search box: found by topic by the officers, never by the content, never by members."""

import pytest
from django.urls import reverse

from zhibu.core import search_index

from .factories import TalkFactory

pytestmark = pytest.mark.django_db


def test_talks_are_found_by_topic_only_by_the_officers(world, login):
    TalkFactory(organisation=world.branch, topic="班级管理压力", content="家中老人住院")
    search_index.reindex(["talks.talks"])  # factories bypass the audited writes
    url = reverse("core:search")
    assert "<mark>班级</mark>" in login(world.committee).get(url, {"q": "班级管理"}).content.decode()
    assert "家中老人" not in login(world.secretary).get(url, {"q": "老人住院"}).content.decode()
    assert "<mark>班级</mark>" not in login(world.member).get(url, {"q": "班级管理"}).content.decode()
    assert "<mark>班级</mark>" not in login(world.outsider).get(url, {"q": "班级管理"}).content.decode()
