"""Pages: happy paths through the UI, wrong role (403), another branch (404), bad input (a Chinese
message, nothing written)."""

from datetime import date, timedelta
from io import BytesIO

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from zhibu.core.tests.factories import PersonFactory
from zhibu.honours.models import CompetitionRound, Honour, Participant

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory
from .helpers import PNG

ORG = "?org=yucai"


def _honour_post(world, **over):
    return {
        "title": "局优秀共产党员",
        "kind": "excellent_member",
        "level": "bureau",
        "issuer": "XX市教育体育局党委",
        "awarded_on": "2023-06-28",
        "occasion": "2023年“两先一优”评比",
        "recipient": "person",
        "person": world.people["member"].pk,
        **over,
    }


def test_secretary_records_an_honour_with_its_certificate(world, login):
    client = login(world.secretary)
    data = _honour_post(world, attachment=SimpleUploadedFile("证书.png", PNG, content_type="image/png"))
    response = client.post(reverse("honours:honour_create") + ORG, data)
    h = Honour.objects.get()
    assert response.status_code == 302 and response.url == reverse("honours:honour", args=[h.pk])
    page = client.get(response.url).content.decode()
    assert "局优秀共产党员" in page and "刘丹" in page and "证书.png" in page
    file = client.get(reverse("honours:attachment", args=[h.pk]))
    assert file.status_code == 200 and b"".join(file.streaming_content) == PNG
    assert file["Cache-Control"] == "no-store" and file["X-Content-Type-Options"] == "nosniff"
    assert "filename*=utf-8''%E8%AF%81%E4%B9%A6.png" in file["Content-Disposition"]
    # Members read it; the bureau reads the figures, not the certificate.
    assert login(world.member).get(reverse("honours:attachment", args=[h.pk])).status_code == 200
    assert login(world.bureau).get(reverse("honours:attachment", args=[h.pk])).status_code == 403


def test_bad_honour_input_shows_the_message_and_writes_nothing(world, login):
    client = login(world.secretary)
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(reverse("honours:honour_create") + ORG, _honour_post(world, awarded_on=future))
    assert response.status_code == 200 and "获得日期" in response.content.decode()
    assert "不能晚于今天" in response.content.decode()
    fake = SimpleUploadedFile("证书.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(reverse("honours:honour_create") + ORG, _honour_post(world, attachment=fake))
    assert "不是有效的图片" in response.content.decode()
    response = client.post(reverse("honours:honour_create") + ORG, _honour_post(world, person=""))
    assert "个人荣誉请选择获奖人" in response.content.decode()
    assert Honour.objects.count() == 0


def test_honour_pages_refuse_wrong_role_and_other_branch(world, login):
    data = _honour_post(world)
    assert login(world.member).post(reverse("honours:honour_create") + ORG, data).status_code == 403
    assert login(world.outsider).post(reverse("honours:honour_create") + ORG, data).status_code == 404
    h = HonourFactory(organisation=world.branch, person=world.people["member"])
    assert login(world.member).post(reverse("honours:honour_edit", args=[h.pk]), data).status_code == 403
    assert login(world.outsider).get(reverse("honours:honour", args=[h.pk])).status_code == 404
    assert login(world.checker).get(reverse("honours:index") + ORG).status_code == 403
    assert Honour.objects.count() == 1


def test_edit_honour(world, login):
    h = HonourFactory(organisation=world.branch, person=world.people["member"])
    client = login(world.committee)
    form = client.get(reverse("honours:honour_edit", args=[h.pk])).content.decode()
    assert "局优秀共产党员" in form
    data = _honour_post(world, title="市优秀共产党员", level="city", version=h.version)
    response = client.post(reverse("honours:honour_edit", args=[h.pk]), data)
    assert response.status_code == 302
    h.refresh_from_db()
    assert h.title == "市优秀共产党员" and h.level == "city"
    bad = client.post(
        reverse("honours:honour_edit", args=[h.pk]), {**data, "issuer": "", "version": h.version}
    )
    assert bad.status_code == 200 and "请填写颁发单位" in bad.content.decode()


def test_honour_list_filters_by_term_person_and_level(world, login):
    HonourFactory(organisation=world.branch, title="局优秀共产党员", person=world.people["member"])
    HonourFactory(
        organisation=world.branch, title="市优秀班主任", level="city", person=world.people["committee"]
    )
    HonourFactory(organisation=world.other_branch, title="别校的荣誉", person=world.people["other_member"])
    client = login(world.member)
    page = client.get(reverse("honours:index") + ORG).content.decode()
    assert "局优秀共产党员" in page and "市优秀班主任" in page and "别校的荣誉" not in page
    page = client.get(reverse("honours:index") + ORG + "&q=班主任").content.decode()
    assert "市优秀班主任" in page and "局优秀共产党员" not in page
    page = client.get(
        reverse("honours:index") + ORG + f"&person={world.people['member'].pk}"
    ).content.decode()
    assert "局优秀共产党员" in page and "市优秀班主任" not in page
    page = client.get(reverse("honours:index") + ORG + "&level=city").content.decode()
    assert "市优秀班主任" in page and "局优秀共产党员" not in page


def test_honours_list_is_paginated_in_the_database(world, login):
    for n in range(30):
        HonourFactory(organisation=world.branch, title=f"荣誉{n:02d}", person=world.people["member"])
    page = login(world.secretary).get(reverse("honours:index") + ORG).content.decode()
    assert "第 1 / 2 页" in page


def test_export_has_official_headers_and_escaped_cells(world, login):
    HonourFactory(organisation=world.branch, title="=HYPERLINK(1)", person=world.people["member"])
    response = login(world.secretary).get(reverse("honours:export") + ORG + "&format=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "获得日期")
    assert header[:4] == ["获得日期", "荣誉名称", "荣誉类别", "级别"]
    assert any(r[1] == "'=HYPERLINK(1)" for r in rows)
    assert login(world.outsider).get(reverse("honours:export") + ORG).status_code == 404


def test_secretary_records_a_round_and_its_results(world, login):
    teacher = PersonFactory(organisation=world.branch, name="石磊", party_status="none")
    client = login(world.secretary)
    response = client.post(
        reverse("honours:round_create") + ORG,
        {
            "title": "党员教师学案评比",
            "kind": "study_plan",
            "held_on": "2023-05-24",
            "organiser": "党支部、教务处",
            "participants": [world.people["member"].pk, teacher.pk],
        },
    )
    r = CompetitionRound.objects.get()
    assert response.status_code == 302 and response.url == reverse("honours:round", args=[r.pk])
    page = client.get(response.url).content.decode()
    assert "刘丹" in page and "石磊" in page
    p = r.participants.get(person=world.people["member"])
    response = client.post(
        reverse("honours:participant_edit", args=[p.pk]),
        {"entry": "《背影》导学案", "result": "", "award": "first"},
    )
    assert response.status_code == 302
    assert "一等奖" in client.get(reverse("honours:round", args=[r.pk])).content.decode()
    bad = client.post(reverse("honours:participant_edit", args=[p.pk]), {"entry": "x" * 201, "award": ""})
    assert bad.status_code == 200
    p.refresh_from_db()
    assert p.award == "first"
    listing = client.get(reverse("honours:rounds") + ORG + "&from=2021-09-01&to=2023-07-31").content.decode()
    assert "党员教师学案评比" in listing and "党员参加教学评比参与率" in listing


def test_bad_round_input_and_refusals(world, login):
    client = login(world.secretary)
    response = client.post(
        reverse("honours:round_create") + ORG, {"title": "", "kind": "lesson", "held_on": "2022-04-20"}
    )
    assert response.status_code == 200 and "请填写评比名称" in response.content.decode()
    assert CompetitionRound.objects.count() == 0
    data = {"title": "优质课评比", "kind": "lesson", "held_on": "2022-04-20"}
    assert login(world.member).post(reverse("honours:round_create") + ORG, data).status_code == 403
    assert login(world.outsider).post(reverse("honours:round_create") + ORG, data).status_code == 404
    r = CompetitionRoundFactory(organisation=world.branch)
    p = ParticipantFactory(round=r, person=world.people["member"])
    assert login(world.member).get(reverse("honours:round_edit", args=[r.pk])).status_code == 403
    assert (
        login(world.member)
        .post(reverse("honours:participant_edit", args=[p.pk]), {"award": "first"})
        .status_code
        == 403
    )
    assert login(world.outsider).get(reverse("honours:round", args=[r.pk])).status_code == 404
    assert login(world.outsider).get(reverse("honours:participant_edit", args=[p.pk])).status_code == 404
    assert Participant.objects.get().award == ""


def test_round_edit_changes_participants_and_list_filters(world, login):
    r = CompetitionRoundFactory(
        organisation=world.branch, title="示范课评比", entrants=[world.people["member"]]
    )
    CompetitionRoundFactory(
        organisation=world.branch, title="优质课评比", entrants=[world.people["committee"]]
    )
    client = login(world.committee)
    response = client.post(
        reverse("honours:round_edit", args=[r.pk]),
        {
            "title": "示范课评比",
            "kind": "lesson",
            "held_on": "2022-11-16",
            "participants": [world.people["committee"].pk],
            "version": r.version,
        },
    )
    assert response.status_code == 302
    assert list(r.participants.values_list("person__name", flat=True)) == ["于雪华"]
    page = client.get(
        reverse("honours:rounds") + ORG + "&from=2021-09-01&to=2023-07-31&q=示范课"
    ).content.decode()
    assert ">示范课评比</a>" in page and ">优质课评比</a>" not in page
    who = world.people["committee"].pk
    page = client.get(
        reverse("honours:rounds") + ORG + f"&from=2021-09-01&to=2023-07-31&person={who}"
    ).content.decode()
    assert ">示范课评比</a>" in page and ">优质课评比</a>" in page


def test_removal_goes_to_the_recycle_bin(world, login):
    h = HonourFactory(organisation=world.branch, person=world.people["member"])
    client = login(world.secretary)
    response = client.post(reverse("core:remove", args=["honours.honour", h.pk]), {"reason": "重复登记"})
    assert response.status_code == 302 and not Honour.objects.exists()
    r = CompetitionRoundFactory(organisation=world.branch, entrants=[world.people["member"]])
    assert (
        login(world.member)
        .post(reverse("core:remove", args=["honours.competitionround", r.pk]), {"reason": "x"})
        .status_code
        == 403
    )
    login(world.secretary).post(
        reverse("core:remove", args=["honours.competitionround", r.pk]), {"reason": "录错"}
    )
    assert not CompetitionRound.objects.exists() and not Participant.objects.exists()
    assert date.today()  # the removal left no row behind; the 回收站 keeps them


def test_search_finds_the_branchs_honours_and_nothing_of_another_branch(world, login):
    from django.urls import reverse

    from zhibu.core import search_index
    from zhibu.honours.tests.factories import HonourFactory

    HonourFactory(organisation=world.branch, title="局先进党支部", issuer="XX市教育局党委")
    HonourFactory(organisation=world.other_branch, title="局先进党支部（十四中）", issuer="XX市教育局党委")
    search_index.reindex(["honours.honours"])  # factories bypass the audited writes
    url = reverse("core:search")
    mine = login(world.member).get(url, {"q": "先进党支部"}).content.decode()
    assert "教育局党委" in mine and "十四中" not in mine
