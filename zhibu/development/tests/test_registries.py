"""The pipeline in the search box, the 回收站 and the 党务公开 board's drafts."""

import pytest
from django.urls import reverse

from zhibu.core.periods import Period
from zhibu.core.registries import publishable
from zhibu.development.models import DevelopmentStep, Step

from . import helpers

pytestmark = pytest.mark.django_db


def test_search_finds_a_step_for_the_officers_only(world, login):
    helpers.walk(world, helpers.applicant(world), Step.TALK)  # through the services: indexed as written
    url = reverse("core:search")
    assert "郑浩" in login(world.secretary).get(url, {"q": "郑浩"}).content.decode()
    assert "党组织派人谈话" not in login(world.member).get(url, {"q": "郑浩"}).content.decode()
    assert "党组织派人谈话" not in login(world.outsider).get(url, {"q": "郑浩"}).content.decode()


def test_a_step_goes_to_the_recycle_bin_with_a_reason(world, login):
    person = helpers.walk(world, helpers.applicant(world), Step.TALK)
    talk = DevelopmentStep.objects.get(person=person, step=Step.TALK)
    url = reverse("core:remove", args=["development.developmentstep", talk.pk])
    assert login(world.member).post(url, {"reason": "录错"}).status_code == 403
    assert login(world.secretary).post(url, {"reason": "录错"}).status_code == 302
    assert not DevelopmentStep.objects.filter(pk=talk.pk).exists()


def test_the_board_may_publish_the_candidates_examined(world):
    helpers.walk(world, helpers.applicant(world), Step.COMMITTEE_REVIEW)
    source = publishable.get("development.candidates_notice")
    drafts = source.build(world.branch, Period.year(2022))
    assert len(drafts) == 1 and "拟发展郑浩同志为中共预备党员" in drafts[0].body
    assert not source.build(world.branch, Period.year(2023))
    assert not source.build(world.other_branch, Period.year(2022))
