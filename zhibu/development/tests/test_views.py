"""The development pages: the pipeline by stage, a timeline, recording a step (and refusing bad
input with the rule, writing nothing), the export read back, the rules and the settings."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from zhibu.development.models import DevelopmentRule, DevelopmentSettings, DevelopmentStep, Step

from . import helpers

pytestmark = pytest.mark.django_db


def test_the_pipeline_shows_everyone_by_stage_with_the_next_due_day(world, login):
    helpers.walk(world, helpers.applicant(world), Step.APPLICATION)
    page = login(world.secretary).get("/development/?org=yucai").content.decode()
    assert "郑浩" in page and "党组织派人谈话" in page and "2021-04-01" in page and "已超期" in page
    assert "何静" in page and "未登记环节" in page  # an activist from the roster's history


def test_a_stage_tab_filters(world, login):
    helpers.walk(world, helpers.applicant(world), Step.APPLICATION)
    page = login(world.secretary).get("/development/?org=yucai&stage=activist").content.decode()
    assert "何静" in page and "郑浩" not in page


def test_the_timeline_and_the_link_from_the_person_page(world, login):
    person = helpers.walk(world, helpers.applicant(world), Step.ADMISSION)
    client = login(world.secretary)
    assert f"/development/people/{person.pk}/" in client.get(f"/people/{person.pk}/").content.decode()
    page = client.get(f"/development/people/{person.pk}/").content.decode()
    assert "支部大会讨论接收" in page and "入党介绍人" in page and "赞成3" in page and "上级党委审批" in page


def test_recording_a_step_from_the_form(world, login):
    person = helpers.applicant(world)
    response = login(world.secretary).post(
        f"/development/people/{person.pk}/steps/new/",
        {"step": "application", "day": "2023-03-01", "evidence": "入党申请书一份"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.party_status == "applicant" and DevelopmentStep.objects.filter(person=person).count() == 1


def test_a_step_too_early_is_refused_on_the_page_with_the_rule(world, login):
    person = helpers.walk(world, helpers.applicant(world), Step.ACTIVIST)
    before = DevelopmentStep.objects.count()
    response = login(world.secretary).post(
        f"/development/people/{person.pk}/steps/new/",
        {"step": "candidate", "day": "2021-12-01", "evidence": "支委会研究"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "一年以上培养教育和考察" in page
    assert DevelopmentStep.objects.count() == before


def test_a_contact_not_a_full_member_is_refused_on_the_page(world, login):
    person = helpers.walk(world, helpers.applicant(world), Step.TALK)
    checker = world.people["checker"]
    response = login(world.secretary).post(
        f"/development/people/{person.pk}/steps/new/",
        {"step": "activist", "day": "2021-05-10", "evidence": "推荐", "sponsors": [checker.pk]},
    )
    # the form offers full members only: an activist is not a valid choice at all
    assert response.status_code == 200 and not DevelopmentStep.objects.filter(step="activist").exists()


def test_the_committee_member_records_but_a_member_may_not(world, login):
    person = helpers.applicant(world)
    url = f"/development/people/{person.pk}/steps/new/"
    data = {"step": "application", "day": "2023-03-01", "evidence": "入党申请书一份"}
    assert login(world.member).post(url, data).status_code == 403
    assert login(world.outsider).post(url, data).status_code == 404
    assert not DevelopmentStep.objects.exists()
    assert login(world.committee).post(url, data).status_code == 302


def test_the_export_reads_back(world, login):
    helpers.walk(world, helpers.applicant(world), Step.ACTIVIST)
    response = login(world.secretary).get("/development/export/?org=yucai&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "姓名")
    zheng = next(r for r in rows if r and r[0] == "郑浩")
    assert zheng[header.index("确定为入党积极分子")].date() == date(2021, 5, 10)
    assert zheng[header.index("培养联系人")] == "张文华、于雪华"
    assert zheng[header.index("下一环节")] == "培养考察"


def test_the_rules_page_and_a_new_version_by_the_bureau(world, login):
    client = login(world.bureau)
    assert "一个月内派人同入党申请人谈话" in client.get("/development/rules/?org=yucai").content.decode()
    data = {
        "effective_from": "2030-01-01",
        "edition": "修订细则",
        "from_step": "application",
        "to_step": "talk",
        "kind": "max",
        "months": "1",
        "days": "",
        "source": "一个月内谈话",
    }
    assert client.post("/development/rules/new/?org=yucai", data).status_code == 302
    assert DevelopmentRule.objects.filter(effective_from=date(2030, 1, 1)).count() == 1
    backwards = {**data, "from_step": "talk", "to_step": "application", "effective_from": "2031-01-01"}
    page = client.post("/development/rules/new/?org=yucai", backwards).content.decode()
    assert "后续环节不能排在起算环节之前" in page
    assert not DevelopmentRule.objects.filter(effective_from=date(2031, 1, 1)).exists()


def test_the_secretary_sets_the_window(world, login):
    client = login(world.secretary)
    assert client.post("/development/settings/?org=yucai", {"window_years": "3"}).status_code == 302
    assert DevelopmentSettings.objects.get(organisation=world.branch).window_years == 3
    page = client.post("/development/settings/?org=yucai", {"window_years": "0"}).content.decode()
    assert "1" in page and DevelopmentSettings.objects.get().window_years == 3
