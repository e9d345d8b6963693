"""Demo: the seed school's honours and lesson competitions over 2021-09-01..2023-07-31, as the seed
summary tells them, written through the services (so they are audited like any entry):

- four 示范课/优质课 rounds (one a term, 11 members each) and one 学案评比 (12 members) — 56 member
  entries of 70 expected, the seed's "党员参与人数达到80%"; 13 of the 14 members took part (the
  secretary judges); 3 members' 学案 won awards; non-member teachers enter too;
- the seed's honours: 先进单位 (2023年教育政风行风检查), 局先进党支部 and 刘晓筱 局优秀共产党员
  (两先一优), 辽宁省规范收费先进校, XX市教育系统优秀网站, teachers' and 班主任's titles, papers,
  the two 廉政文化大赛 works, and the July 1st school awards (刘丹、王春华 among 4 校级优秀共产党员,
  刘晓筱 among 2 包教工作先进个人).
And one honour and one round for the next branch, so the bureau's figures add up over branches."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from zhibu.core.models import Organisation, Person, User
from zhibu.core.registries import demo

from .models import Award, CompetitionKind, HonourKind, Level, Recipient
from .services.competitions import participant_update, round_create
from .services.honours import honour_create

SCHOOL, OTHER = "yucai", "school-14"
TWO_FIRSTS = "2023年教育体育局党委“两先一优”评比"
JULY_FIRST = "庆“七一”校内评先评优"
# title, kind, level, issuer, day, occasion, person (None: the recipient named by kind)
K, L = HonourKind, Level
BRANCH, SCHOOL_UNIT = "XX市育才学校党支部", "XX市育才学校"
BUREAU, COMMITTEE = "XX市教育体育局", "XX市教育体育局党委"
HONOURS = [
    ("校级优秀共产党员", K.EXCELLENT_MEMBER, L.SCHOOL, BRANCH, date(2022, 7, 1), JULY_FIRST, "刘丹"),
    ("校级优秀共产党员", K.EXCELLENT_MEMBER, L.SCHOOL, BRANCH, date(2022, 7, 1), JULY_FIRST, "王春华"),
    ("校级优秀共产党员", K.EXCELLENT_MEMBER, L.SCHOOL, BRANCH, date(2022, 7, 1), JULY_FIRST, "陈晓明"),
    ("校级优秀共产党员", K.EXCELLENT_MEMBER, L.SCHOOL, BRANCH, date(2022, 7, 1), JULY_FIRST, "周敏"),
    ("包教工作先进个人", K.ADVANCED_PERSON, L.SCHOOL, SCHOOL_UNIT, date(2022, 7, 1), JULY_FIRST, "刘晓筱"),
    ("包教工作先进个人", K.ADVANCED_PERSON, L.SCHOOL, SCHOOL_UNIT, date(2022, 7, 1), JULY_FIRST, "高峰"),
    ("XX市教育科研论文评选一等奖", K.PAPER, L.CITY, "XX市教育科学研究所", date(2022, 6, 15), "", "苑蓉晖"),
    ("局优秀教师", K.ADVANCED_PERSON, L.BUREAU, BUREAU, date(2022, 9, 9), "", "孙宁"),
    ("局优秀班主任", K.ADVANCED_PERSON, L.BUREAU, BUREAU, date(2022, 9, 9), "", "叶青"),
    ("XX市优秀班主任", K.ADVANCED_PERSON, L.CITY, "XX市教育局", date(2022, 9, 10), "", "赵丽娟"),
    ("XX市教育系统优秀网站", K.EXCELLENT_WEBSITE, L.CITY, "XX市教育局", date(2022, 11, 25), "", None),
    ("局教育教学论文评比二等奖", K.PAPER, L.BUREAU, BUREAU, date(2022, 12, 8), "", "刘丹"),
    ("局教育教学论文评比三等奖", K.PAPER, L.BUREAU, BUREAU, date(2022, 12, 8), "", "方红梅"),
    ("辽宁省规范收费先进校", K.ADVANCED_UNIT, L.PROVINCE, "辽宁省教育厅", date(2022, 12, 20), "", None),
    ("先进单位", K.ADVANCED_UNIT, L.BUREAU, BUREAU, date(2023, 1, 12), "2023年教育政风行风检查", None),
    ("XX市廉政文化大赛诗词作品二等奖", K.WORK, L.CITY, "XX市纪委监委", date(2023, 5, 20), "", "于洋"),
    ("XX市廉政文化大赛摄影作品三等奖", K.WORK, L.CITY, "XX市纪委监委", date(2023, 5, 20), "", "石磊"),
    ("局先进党支部", K.ADVANCED_BRANCH, L.BUREAU, COMMITTEE, date(2023, 6, 28), TWO_FIRSTS, None),
    ("局优秀共产党员", K.EXCELLENT_MEMBER, L.BUREAU, COMMITTEE, date(2023, 6, 28), TWO_FIRSTS, "刘晓筱"),
]  # fmt: skip
UNIT_RECIPIENT = {HonourKind.ADVANCED_BRANCH: Recipient.BRANCH}
# The 13 members who compete (the secretary, 张文华, judges); each lesson round leaves two out.
COMPETITORS = ["刘丹", "苑蓉晖", "于雪华", "王春华", "刘晓筱", "孙宁", "李建国",
               "赵丽娟", "陈晓明", "周敏", "高峰", "吴静", "马丽"]  # fmt: skip
TEACHERS = ["于洋", "方红梅", "叶青", "田甜", "许可", "杨帆"]
# title, kind, day, members left out, non-member teachers entered, {name: (entry, award)}
LESSON, STUDY_PLAN, A = CompetitionKind.LESSON, CompetitionKind.STUDY_PLAN, Award
ROUNDS = [
    ("2021—2022学年第一学期党员示范课评比", LESSON, date(2021, 11, 17), ["李建国", "吴静"], TEACHERS[:3],
     {"刘丹": ("《背影》学案导学示范课", A.FIRST), "孙宁": ("《勾股定理》示范课", A.SECOND)}),
    ("2021—2022学年第二学期党员优质课评比", LESSON, date(2022, 4, 20), ["于雪华", "马丽"], TEACHERS[2:5],
     {"苑蓉晖": ("《春》优质课", A.FIRST), "于洋": ("《光的折射》优质课", A.SECOND)}),
    ("2022—2023学年第一学期党员示范课评比", LESSON, date(2022, 11, 16), ["高峰", "周敏"], TEACHERS[1:4],
     {"赵丽娟": ("《中国的气候》示范课", A.FIRST)}),
    ("2022—2023学年第二学期党员教师学案导学优质课评比", LESSON, date(2023, 4, 19), ["陈晓明", "王春华"],
     TEACHERS[3:], {"刘晓筱": ("学案导学优质课《一元一次方程》", A.FIRST),
                    "吴静": ("《植物的光合作用》", A.SECOND)}),
    ("党员教师学案评比", STUDY_PLAN, date(2023, 5, 24), ["马丽"], TEACHERS[:2],
     {"刘丹": ("《背影》导学案", A.FIRST), "苑蓉晖": ("《春》导学案", A.SECOND),
      "陈晓明": ("《欧姆定律》导学案", A.THIRD)}),
]  # fmt: skip
# A minimal PDF standing in for a scanned certificate (the upload check judges the bytes).
CERTIFICATE = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _honours(actor, org: Organisation, people: dict[str, Person]) -> int:
    for title, kind, level, issuer, day, occasion, name in HONOURS:
        personal = name is not None
        honour_create(
            actor=actor,
            organisation=org,
            title=title,
            kind=kind,
            level=level,
            issuer=issuer,
            awarded_on=day,
            occasion=occasion,
            recipient=Recipient.PERSON if personal else UNIT_RECIPIENT.get(kind, Recipient.SCHOOL),
            person=people[name] if personal else None,
            attachment=SimpleUploadedFile(f"{title}证书.pdf", CERTIFICATE) if level == Level.BUREAU else None,
        )
    return len(HONOURS)


def _rounds(actor, org: Organisation, people: dict[str, Person]) -> int:
    for title, kind, day, left_out, teachers, awards in ROUNDS:
        entrants = [people[n] for n in COMPETITORS if n not in left_out] + [people[n] for n in teachers]
        made = round_create(
            actor=actor,
            organisation=org,
            title=title,
            kind=kind,
            held_on=day,
            organiser="党支部、教务处",
            participants=entrants,
        )
        for participant in made.participants.select_related("person"):
            entry, award = awards.get(participant.person.name, ("", Award.NONE))
            participant_update(
                actor=actor,
                participant=participant,
                entry=entry,
                result=str(award.label) if award else "参赛",
                award=award,
            )
    return len(ROUNDS)


@demo.register("honours", order=45)
def load() -> str:
    school = Organisation.objects.filter(code=SCHOOL).first()
    secretary = User.objects.filter(username="secretary").first()
    if school is None or secretary is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in Person.objects.filter(organisation=school)}
    honours = _honours(secretary, school, people)
    rounds = _rounds(secretary, school, people)
    _other_branch()
    return f"{school.name}：荣誉{honours}项，教学评比{rounds}次"


def _other_branch() -> None:
    org = Organisation.objects.filter(code=OTHER).first()
    actor = User.objects.filter(username="outsider").first()
    if org is None or actor is None:
        return
    people = list(Person.objects.filter(organisation=org).order_by("pk"))
    honour_create(
        actor=actor,
        organisation=org,
        title="局先进党支部",
        kind=HonourKind.ADVANCED_BRANCH,
        level=Level.BUREAU,
        issuer="XX市教育体育局党委",
        awarded_on=date(2022, 6, 29),
        occasion="2022年教育体育局党委“两先一优”评比",
        recipient=Recipient.BRANCH,
    )
    round_create(
        actor=actor,
        organisation=org,
        title="2022—2023学年第一学期党员示范课评比",
        kind=CompetitionKind.LESSON,
        held_on=date(2022, 12, 7),
        organiser="党支部",
        participants=people[:4],
    )
