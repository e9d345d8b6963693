"""Voice in the search box: consultations for the branch, suggestions for the officers."""

import pytest
from django.urls import reverse

from zhibu.core import search_index

from .factories import ConsultationFactory, SuggestionFactory

pytestmark = pytest.mark.django_db


def test_consultations_for_the_branch_and_suggestions_for_the_officers(world, login):
    ConsultationFactory(organisation=world.branch, title="绩效工资分配方案", asked=[world.people["member"]])
    SuggestionFactory(organisation=world.branch, topic="后勤服务", content="建议延长食堂供餐时间")
    search_index.reindex(["voice.consultations", "voice.suggestions"])
    url = reverse("core:search")
    member = login(world.member)
    assert "分配方案</a>" in member.get(url, {"q": "绩效工资"}).content.decode()
    assert "后勤服务</a>" not in member.get(url, {"q": "食堂"}).content.decode()
    assert "后勤服务</a>" in login(world.committee).get(url, {"q": "食堂"}).content.decode()
    assert "分配方案</a>" not in login(world.outsider).get(url, {"q": "绩效工资"}).content.decode()
