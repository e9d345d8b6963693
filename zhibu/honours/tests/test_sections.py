"""The drafted paragraphs: competitions in 一、, honours by level in 二、 (after the inspections'
ranking sentence, which stays)."""

from datetime import date

from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import SectionContext
from zhibu.core.tests.factories import PersonFactory

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


def _draft(code, org, document="annual"):
    spec = next(s for s in sections.all() if s.code == code)
    return [p.text for p in spec.func(org, SPAN, SectionContext(document, org, SPAN))]


def test_nothing_drafted_without_records(world):
    assert _draft("honours.achievements", world.branch) == []
    assert _draft("honours.competitions", world.branch) == []


def test_achievements_grouped_by_level_highest_first(world):
    b = world.branch
    teacher = PersonFactory(organisation=b, name="石磊", party_status="none")
    occasion = "2023年教育体育局党委“两先一优”评比"
    HonourFactory(organisation=b, title="校级优秀共产党员", level="school", person=world.people["member"])
    HonourFactory(organisation=b, title="局优秀共产党员", occasion=occasion, person=world.people["member"])
    HonourFactory(
        organisation=b,
        title="局先进党支部",
        kind="advanced_branch",
        occasion=occasion,
        recipient="branch",
        person=None,
    )
    unit = {"recipient": "school", "person": None, "occasion": ""}
    HonourFactory(
        organisation=b, title="辽宁省规范收费先进校", kind="advanced_unit", level="province", **unit
    )
    HonourFactory(
        organisation=b,
        title="廉政文化大赛摄影作品三等奖",
        kind="work",
        level="city",
        person=teacher,
        occasion="",
    )
    paras = _draft("honours.achievements", b)
    assert paras[0] == (
        "开展活动以来，学校、党支部和教职工共获得各级荣誉{fig:honours.count}，其中省级{fig:honours.count|level=province}、"
        "市级{fig:honours.count|level=city}、局级{fig:honours.count|level=bureau}、校级{fig:honours.count|level=school}。"
    )
    assert paras[1] == "省级荣誉{fig:honours.count|level=province}：我校获得辽宁省规范收费先进校荣誉称号。"
    assert paras[2] == "市级荣誉{fig:honours.count|level=city}：石磊老师的作品获廉政文化大赛摄影作品三等奖。"
    assert paras[3] == (
        "局级荣誉{fig:honours.count|level=bureau}：在2023年教育体育局党委“两先一优”评比中，"
        "我校党支部获得局先进党支部称号，党员刘丹获得局优秀共产党员称号。"
    )
    assert paras[4].startswith("校级荣誉{fig:honours.count|level=school}：在2023年教育体育局党委")
    assert "党员刘丹获得校级优秀共产党员称号" in paras[4]


def test_achievements_follow_the_inspections_ranking():
    achievements = [s.code for s in sections.for_document("annual", "achievements")]
    assert achievements.index("inspections.results") < achievements.index("honours.achievements")


def test_competitions_paragraph(world):
    b = world.branch
    for day in (date(2021, 11, 17), date(2022, 4, 20)):
        ParticipantFactory(
            round=CompetitionRoundFactory(organisation=b, held_on=day), person=world.people["member"]
        )
    plan = CompetitionRoundFactory(organisation=b, kind="study_plan", held_on=date(2023, 5, 24))
    ParticipantFactory(round=plan, person=world.people["member"], award="first")
    (text,) = _draft("honours.competitions", b)
    assert text == (
        "党支部每学期组织党员示范课或优质课评比活动（共{fig:honours.competition_rounds|kind=lesson}），"
        "{fig:honours.competition_members}党员参加教学评比，党员参与率达到{fig:honours.competition_rate}。"
        "在学案评比中，{fig:honours.competition_awards|kind=study_plan}党员的学案获奖。"
    )
    (monthly,) = _draft("honours.competitions", b, "monthly")
    assert monthly.startswith("组织教学评比{fig:honours.competition_rounds}，")
