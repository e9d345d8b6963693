"""The search box: Chinese words and phrases through the full-text index, ranked, highlighted, paged
in the database, within the same scope as the ledgers' pages, and in step with every write."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from zhibu.core import recycle, search_index
from zhibu.core.models import SearchEntry
from zhibu.core.registries import search
from zhibu.meetings.services.meetings import meeting_create, meeting_update
from zhibu.meetings.tests.helpers import at, mtype
from zhibu.study.services.personal import note_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(world):
    """The world's people are bulk-inserted (past the services): index them as a bulk loader does."""
    search_index.reindex()


def hits(response) -> list:
    return list(response.context["page"]) if response.context["page"] else []


def titles(response) -> list[str]:
    return [strip_tags(hit.title) for hit in hits(response)]


def ask(client, text, **params):
    return client.get(reverse("core:search"), {"q": text, **params})


def meeting(world, topic, minutes="", org=None, actor=None, day=8):
    return meeting_create(
        actor=actor or world.secretary,
        organisation=org or world.branch,
        data={"topic": topic, "held_at": at(2023, 3, day), "place": "党员活动室", "minutes": minutes},
        types=[mtype("general_meeting")],
        attendees=[],
    )


# -- people (the roster's scope) ----------------------------------------------------------------
def test_secretary_finds_her_member_by_two_characters(world, login, indexed):
    response = ask(login(world.secretary), "刘丹")
    assert response.status_code == 200
    assert titles(response) == ["刘丹"]
    assert reverse("people:person", args=[world.people["member"].pk]) in response.content.decode()


def test_search_by_pinyin(world, login, indexed):
    assert titles(ask(login(world.secretary), "zhangwen")) == ["张文华"]


def test_outsider_does_not_find_another_branchs_people(world, login, indexed):
    response = ask(login(world.outsider), "刘丹")
    assert titles(response) == []
    assert "没有找到" in response.content.decode()


def test_member_without_roster_permission_sees_no_people(world, login, indexed):
    assert titles(ask(login(world.member), "张文华")) == []


def test_bureau_finds_people_of_every_branch(world, login, indexed):
    assert titles(ask(login(world.bureau), "林志强")) == ["林志强"]


@pytest.mark.parametrize("text", ["", "刘", " 刘 "])
def test_empty_or_one_character_gives_the_hint(world, login, indexed, text):
    response = ask(login(world.secretary), text)
    assert response.status_code == 200
    assert response.context["page"] is None
    page = response.content.decode()
    assert "输入两个字或更多" in page
    assert ("请至少输入两个字" in page) == bool(text.strip())


# -- words, phrases, ranking ----------------------------------------------------------------------
@pytest.mark.parametrize("word", ["包教", "党课", "谈心"])
def test_two_character_words_are_found(world, login, word):
    wanted = meeting(world, f"支部{word}工作推进会", minutes="会议研究了有关事项。")
    meeting(world, "学习贯彻会议精神", minutes="传达文件。")
    assert titles(ask(login(world.secretary), word)) == [str(wanted)]


def test_a_two_character_word_inside_another_segmentation_is_still_found(world, login):
    # 上党 is a place name to the segmenter: 上党课程 would not hold the word 党课, its bigrams do.
    found = meeting(world, "青年教师上党课程设计交流")
    assert titles(ask(login(world.secretary), "党课")) == [str(found)]


def test_the_better_match_ranks_first(world, login):
    body_only = meeting(world, "支部党员大会", minutes="会上安排了下月的党课。", day=9)
    in_title = meeting(world, "书记讲党课：党课怎么讲", minutes="党课内容：党史学习。", day=8)
    assert titles(ask(login(world.secretary), "党课")) == [str(in_title), str(body_only)]


def test_a_phrase_finds_its_record_and_the_exact_phrase_first(world, login):
    scattered = meeting(world, "活动安排", minutes="主题教育期间，党日值班表另行通知。", day=9)
    exact = meeting(world, "主题党日活动：重温入党誓词", day=8)
    meeting(world, "主题教育读书班", day=7)
    assert titles(ask(login(world.secretary), "主题党日活动")) == [str(exact), str(scattered)]


def test_matches_are_highlighted_and_the_text_escaped(world, login):
    meeting(world, "<script>alert(1)</script>党课", minutes="<b>讲党课</b> lt &amp;")
    response = ask(login(world.secretary), "党课 lt")
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<mark>党课</mark>" in page
    assert "&lt;b&gt;讲<mark>党课</mark>&lt;/b&gt; <mark>lt</mark> &amp;amp;" in page


def test_results_are_paged_in_the_database(world, login):
    for day in range(1, 26):
        meeting(world, f"第{day}次党课", day=day)
    client = login(world.secretary)
    with CaptureQueriesContext(connection) as ctx:
        first = ask(client, "党课")
    assert len(hits(first)) == 20 and first.context["page"].paginator.count == 25
    reads = [q["sql"] for q in ctx if "core_searchentry" in q["sql"]]
    assert len(reads) == 2  # one COUNT, one page
    assert any("LIMIT 20" in sql for sql in reads)
    assert len(hits(ask(client, "党课", page=2))) == 5
    assert "第 1 / 2 页，共 25 条" in first.content.decode()


# -- in step with writes ---------------------------------------------------------------------------
def test_an_edit_updates_the_index(world, login):
    row = meeting(world, "谈心谈话专题会")
    client = login(world.secretary)
    assert titles(ask(client, "谈心")) == [str(row)]
    meeting_update(
        actor=world.secretary,
        meeting=row,
        version=row.version,
        data={"topic": "包教工作推进会", "held_at": row.held_at, "place": row.place, "held": True},
        types=[mtype("general_meeting")],
    )
    assert titles(ask(client, "谈心")) == []
    assert titles(ask(client, "包教")) == [str(row)]


def test_a_removal_hides_it_and_a_restore_brings_it_back(world, login):
    row = meeting(world, "包教工作推进会")
    client = login(world.secretary)
    removed = recycle.record_remove(
        actor=world.secretary, model="meetings.meeting", obj=row, reason="重复登记"
    )
    assert titles(ask(client, "包教")) == []
    assert not SearchEntry.objects.filter(kind="meetings", object_id=row.pk).exists()
    recycle.record_restore(actor=world.secretary, removed=removed)
    assert titles(ask(client, "包教")) == [str(row)]


def test_reindex_command_rebuilds_everything(world, login):
    row = meeting(world, "包教工作推进会")
    SearchEntry.objects.all().delete()
    assert titles(ask(login(world.secretary), "包教")) == []
    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles(ask(login(world.secretary), "包教")) == [str(row)]


# -- scope -----------------------------------------------------------------------------------------
def test_another_branchs_records_never_appear(world, login):
    meeting(world, "党课：百年党史", org=world.other_branch, actor=world.outsider)
    mine = meeting(world, "党课：红色家书")
    assert titles(ask(login(world.secretary), "党课")) == [str(mine)]
    assert titles(ask(login(world.bureau), "党课")) == [
        str(mine),
        titles(ask(login(world.outsider), "党课"))[0],
    ]


def test_a_member_finds_her_own_notes_only(world, login):
    people = world.people
    own = note_create(
        actor=world.member,
        organisation=world.branch,
        person=people["member"],
        written_on=date(2023, 3, 8),
        title="党课学习笔记",
        text="学习党课的体会。",
    )
    other = note_create(
        actor=world.committee,
        organisation=world.branch,
        person=people["committee"],
        written_on=date(2023, 3, 9),
        title="党课心得",
        text="支委的党课笔记。",
    )
    assert titles(ask(login(world.member), "党课")) == [str(own)]
    assert set(titles(ask(login(world.secretary), "党课"))) == {str(own), str(other)}


def test_mentoring_is_never_indexed(world, login):
    from zhibu.mentoring.models import MentoringCase
    from zhibu.mentoring.tests.factories import MentoringLogFactory

    MentoringLogFactory(case__organisation=world.branch)
    search_index.reindex()
    assert not SearchEntry.objects.filter(kind__startswith="mentoring").exists()
    assert all(p.model._meta.app_label != "mentoring" for p in search.providers())
    with pytest.raises(ValueError):
        search.register("mentoring", model=MentoringCase, label="包教", perm="mentoring.view")
    assert not any(h.label == "包教" for h in hits(ask(login(world.secretary), "包教")))


def _city(world, branches: int) -> None:
    from zhibu.core.tests.factories import OrganisationFactory
    from zhibu.meetings.tests.factories import MeetingFactory

    for n in range(branches):
        org = OrganisationFactory(parent=world.bureau_org)
        MeetingFactory(organisation=org, topic=f"党课第{n}讲", types=())
    search_index.reindex()


def test_query_count_does_not_grow_with_branches_or_matches(world, client):
    client.force_login(world.bureau)
    _city(world, 3)
    with CaptureQueriesContext(connection) as few:
        assert ask(client, "党课").status_code == 200
    _city(world, 27)
    with CaptureQueriesContext(connection) as many:
        response = ask(client, "党课")
    assert response.context["page"].paginator.count == 30
    assert len(many) == len(few)
