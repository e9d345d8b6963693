"""Service pages: the happy path of every form, bad input (the message beside the field, nothing
written), the member's quick-add, and another branch's rows (404) and the wrong role (403) beyond
what the permission matrix requests."""

from datetime import date

import pytest
from django.urls import reverse

from zhibu.core.models import PostHolding
from zhibu.service.models import (
    AssistancePair,
    AssistanceVisit,
    Liaison,
    LiaisonClass,
    LiaisonContact,
    PartnerClass,
    PartnerSession,
    TutoringSeries,
    TutoringSession,
    VolunteerEvent,
    VolunteerGroup,
)

from .factories import (
    AssistancePairFactory,
    LiaisonClassFactory,
    LiaisonFactory,
    PartnerClassFactory,
    TutoringSessionFactory,
    VolunteerEventFactory,
)

pytestmark = pytest.mark.django_db
A = "?org=yucai"


def _post(client, name, data, *args, query=A):
    return client.post(reverse(name, args=args) + query, data)


def test_event_create_and_edit(world, login):
    client = login(world.secretary)
    people = [world.people["member"].pk, world.people["checker"].pk]
    data = {
        "kind": "planting",
        "title": "师生共同种地",
        "held_on": "2022-04-15",
        "participants": people,
        "hours": "3",
    }
    assert _post(client, "service:event_create", data).status_code == 302
    event = VolunteerEvent.objects.get()
    assert event.participants.count() == 2
    page = client.get(reverse("service:event", args=[event.pk]))
    assert "师生共同种地" in page.content.decode()
    data = {**data, "title": "春季种地", "participants": people[:1], "version": event.version}
    assert _post(client, "service:event_edit", data, event.pk, query="").status_code == 302
    event.refresh_from_db()
    assert event.title == "春季种地" and event.participants.count() == 1
    listing = client.get(reverse("service:events") + A + "&from=2022-01-01&to=2022-12-31")
    assert "春季种地" in listing.content.decode()


def test_event_bad_hours_writes_nothing(world, login):
    client = login(world.secretary)
    data = {
        "kind": "snow",
        "title": "扫雪",
        "held_on": "2022-12-02",
        "participants": [world.people["member"].pk],
        "hours": "30",
    }
    response = _post(client, "service:event_create", data)
    assert response.status_code == 200
    assert "不能超过24小时" in response.content.decode()
    assert not VolunteerEvent.objects.exists()


def test_group_create(world, login):
    client = login(world.committee)
    data = {"name": "XX义工群", "leader": world.people["committee"].pk}
    assert _post(client, "service:group_create", data).status_code == 302
    group = VolunteerGroup.objects.get()
    assert login(world.secretary).get(reverse("service:group", args=[group.pk])).status_code == 200
    response = _post(
        login(world.secretary), "service:group_create", {"name": "", "leader": world.people["committee"].pk}
    )
    assert response.status_code == 200 and VolunteerGroup.objects.count() == 1


def test_member_quick_add_logs_her_own(world, login):
    client = login(world.member)
    form = client.get(reverse("service:tutoring_add") + A).content.decode()
    assert 'name="tutor"' not in form  # no tutor to pick: it is her
    data = {"held_on": "2023-03-14", "subject": "数学", "students": "3", "minutes": "45"}
    response = _post(client, "service:tutoring_add", data)
    assert response.status_code == 302 and response["Location"].endswith(reverse("service:tutoring_add") + A)
    row = TutoringSession.objects.get()
    assert row.tutor == world.people["member"]
    # the next time the form starts from her last session
    assert 'value="数学"' in client.get(reverse("service:tutoring_add") + A).content.decode()
    mine = client.get(reverse("service:mine") + "?from=2023-01-01&to=2023-12-31").content.decode()
    assert "数学" in mine


def test_quick_add_bad_input(world, login):
    client = login(world.member)
    data = {"held_on": "2023-03-14", "subject": "数学", "students": "0", "minutes": "45"}
    response = _post(client, "service:tutoring_add", data)
    assert response.status_code == 200 and "学生人数须在1到60之间" in response.content.decode()
    assert not TutoringSession.objects.exists()


def test_member_cannot_open_someone_elses_session(world, login):
    row = TutoringSessionFactory(organisation=world.branch, tutor=world.people["secretary"])
    assert login(world.member).get(reverse("service:tutoring_session", args=[row.pk])).status_code == 403
    assert login(world.outsider).get(reverse("service:tutoring_session", args=[row.pk])).status_code == 404


def test_series_create_and_extend(world, login):
    client = login(world.secretary)
    data = {
        "tutor": world.people["member"].pk,
        "weekday": "1",
        "subject": "语文",
        "students": "3",
        "minutes": "45",
        "starts_on": "2023-03-01",
        "ends_on": "2023-06-30",
    }
    assert _post(client, "service:series_create", data).status_code == 302
    series = TutoringSeries.objects.get()
    assert series.sessions.count() == 17  # Tuesdays from 7 March to 27 June
    response = client.post(reverse("service:series_extend", args=[series.pk]))
    assert response.status_code == 302 and series.sessions.count() == 17
    bad = _post(client, "service:series_create", {**data, "ends_on": "2023-01-01"})
    assert bad.status_code == 200 and "早于开始日期" in bad.content.decode()
    assert TutoringSeries.objects.count() == 1


def test_pair_and_visit(world, login):
    client = login(world.secretary)
    data = {"helper": world.people["secretary"].pk, "household": "困难家庭王某", "started_on": "2021-10-01"}
    assert _post(client, "service:pair_create", data).status_code == 302
    pair = AssistancePair.objects.get()
    visit = {"visited_on": "2022-01-20", "help_given": "春节慰问", "money": "300.00"}
    assert _post(client, "service:visit_create", visit, pair.pk, query="").status_code == 302
    bad = _post(client, "service:visit_create", {**visit, "money": "1.005"}, pair.pk, query="")
    assert bad.status_code == 200 and "两位小数" in bad.content.decode()
    assert AssistanceVisit.objects.count() == 1
    edit = {**data, "household": "困难家庭王某某", "version": pair.version}
    assert _post(client, "service:pair_edit", edit, pair.pk, query="").status_code == 302
    assert (
        "困难家庭王某某"
        in client.get(reverse("service:pairs") + A + "&from=2021-09-01&to=2023-07-31").content.decode()
    )


def test_liaison_pages(world, login, branch):
    client = login(world.secretary)
    assert _post(client, "service:class_create", {"name": "七年级一班"}).status_code == 302
    cls = LiaisonClass.objects.get()
    data = {"person": world.people["committee"].pk, "school_class": cls.pk, "term_start": "2023-02-01"}
    assert _post(client, "service:liaison_create", data).status_code == 302
    row = Liaison.objects.get()
    contact = {"contacted_on": "2023-03-10", "kind": "head_teacher", "content": "与班主任交流"}
    assert _post(client, "service:contact_create", contact, row.pk, query="").status_code == 302
    assert LiaisonContact.objects.count() == 1
    page = client.get(reverse("service:liaisons") + A + "&from=2023-02-01&to=2023-07-31").content.decode()
    assert "七年级一班" in page
    # not on the committee that term: refused beside the field
    PostHolding.objects.filter(person=world.people["secretary"]).update(ended_on=date(2022, 8, 31))
    other = LiaisonClassFactory(organisation=branch, name="八年级一班")
    bad = _post(
        client,
        "service:liaison_create",
        {**data, "person": world.people["secretary"].pk, "school_class": other.pk},
    )
    assert bad.status_code == 200 and "不是支部委员" in bad.content.decode()
    assert Liaison.objects.count() == 1
    edit = {**data, "head_teacher": "刘晓筱", "version": row.version}
    assert _post(client, "service:liaison_edit", edit, row.pk, query="").status_code == 302


def test_partner_pages(world, login):
    client = login(world.secretary)
    data = {"name": "阳光协作班", "partner_school": "XX市第十四中学", "opened_on": "2023-04-18"}
    assert _post(client, "service:partner_create", data).status_code == 302
    partner = PartnerClass.objects.get()
    session = {"held_on": "2023-05-09", "content": "文明礼仪专题课", "students": "30"}
    assert _post(client, "service:partner_session_create", session, partner.pk, query="").status_code == 302
    bad = _post(
        client, "service:partner_session_create", {**session, "held_on": "2023-04-01"}, partner.pk, query=""
    )
    assert bad.status_code == 200 and "早于开班日期" in bad.content.decode()
    assert PartnerSession.objects.count() == 1
    assert (
        _post(
            client, "service:partner_edit", {**data, "version": partner.version}, partner.pk, query=""
        ).status_code
        == 302
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda w: ("service:event_edit", VolunteerEventFactory(organisation=w.branch).pk),
        lambda w: (
            "service:pair_edit",
            AssistancePairFactory(organisation=w.branch, helper=w.people["secretary"]).pk,
        ),
        lambda w: ("service:partner_edit", PartnerClassFactory(organisation=w.branch).pk),
        lambda w: (
            "service:liaison_edit",
            LiaisonFactory(organisation=w.branch, person=w.people["committee"]).pk,
        ),
    ],
)
def test_edits_refuse_wrong_role_and_other_branch(world, login, make):
    name, pk = make(world)
    assert login(world.member).post(reverse(name, args=[pk]), {}).status_code == 403
    assert login(world.outsider).post(reverse(name, args=[pk]), {}).status_code == 404


def test_export_xlsx(world, login):
    TutoringSessionFactory(organisation=world.branch, tutor=world.people["member"], subject="=1+1")
    response = login(world.secretary).get(
        reverse("service:export", args=["tutoring"]) + A + "&from=2023-01-01&to=2023-12-31"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert login(world.bureau).get(reverse("service:export", args=["tutoring"]) + A).status_code == 403


def test_search_finds_a_members_own_tutoring_and_officers_find_every_row(world, login):
    from zhibu.core import search_index
    from zhibu.service.tests.factories import AssistancePairFactory, TutoringSessionFactory

    own = TutoringSessionFactory(organisation=world.branch, tutor=world.people["member"], note="讲解勾股定理")
    TutoringSessionFactory(
        organisation=world.branch, tutor=world.people["committee"], note="讲解勾股定理例题"
    )
    AssistancePairFactory(organisation=world.branch, household="某某家庭", hardship="父亲患病长期卧床")
    search_index.reindex(["service.tutoring", "service.pairs"])  # factories bypass the audited writes
    url = reverse("core:search")
    member = login(world.member).get(url, {"q": "勾股定理"}).content.decode()
    assert str(own.held_on) in member and "例题" not in member  # only her own session
    assert "卧床" not in login(world.member).get(url, {"q": "患病"}).content.decode()
    officer = login(world.secretary).get(url, {"q": "勾股定理"}).content.decode()
    assert "例题" in officer
    assert "卧床" in login(world.secretary).get(url, {"q": "患病"}).content.decode()
    assert "卧床" not in login(world.outsider).get(url, {"q": "患病"}).content.decode()
