"""Demo: a city bureau with several school branches; one is the seed's school — 14 serving party
members among 29 staff, a three-person committee, retired members, and no member developed in
the campaign's two years (the weakness the seed names)."""

from __future__ import annotations

import os
import secrets
import string
from datetime import date

from django.conf import settings

from zhibu.core.idnumbers import with_check_digit
from zhibu.core.models import CommitteeTerm, Organisation, PostHolding, User
from zhibu.core.registries import demo
from zhibu.core.services.accounts import role_add, user_add
from zhibu.core.services.organisations import organisation_add

from .services.persons import person_add

SEED_SCHOOL = "yucai"
BUREAU = "bureau"

# name, gender, birth, status, since, retired, staff — the seed's named teachers first.
SEED_PEOPLE = [
    ("张文华", "F", date(1971, 3, 12), "full", date(1996, 7, 1), False, True),
    ("刘丹", "F", date(1982, 5, 20), "full", date(2006, 6, 18), False, True),
    ("苑蓉晖", "F", date(1979, 11, 2), "full", date(2004, 12, 1), False, True),
    ("于雪华", "M", date(1975, 8, 15), "full", date(2001, 7, 1), False, True),
    ("王春华", "F", date(1976, 2, 28), "full", date(2000, 5, 4), False, True),
    ("刘晓筱", "F", date(1985, 9, 9), "full", date(2010, 6, 30), False, True),
    ("孙宁", "M", date(1980, 4, 6), "full", date(2005, 11, 20), False, True),
    ("李建国", "M", date(1968, 10, 1), "full", date(1992, 7, 1), False, True),
    ("赵丽娟", "F", date(1983, 1, 17), "full", date(2009, 12, 15), False, True),
    ("陈晓明", "M", date(1978, 7, 23), "full", date(2003, 6, 1), False, True),
    ("周敏", "F", date(1986, 12, 3), "full", date(2012, 7, 1), False, True),
    ("高峰", "M", date(1974, 6, 11), "full", date(1999, 10, 1), False, True),
    ("吴静", "F", date(1988, 3, 30), "full", date(2015, 6, 20), False, True),
    ("马丽", "F", date(1984, 8, 8), "full", date(2011, 11, 11), False, True),
    # retired members (counted apart from the 14)
    ("万福业", "M", date(1948, 2, 14), "full", date(1975, 7, 1), True, True),
    ("卢振东", "M", date(1950, 9, 30), "full", date(1978, 12, 1), True, True),
    ("孟淑琴", "F", date(1955, 5, 5), "full", date(1983, 7, 1), True, True),
    # activists waiting to be developed
    ("何静", "F", date(1990, 10, 10), "activist", date(2019, 3, 5), False, True),
    ("郑浩", "M", date(1992, 4, 18), "activist", date(2020, 9, 10), False, True),
]
# 13 more staff who are not party members (群众): 14 + 2 activists + 13 = 29 staff.
SEED_STAFF = [
    "丁一凡",
    "于洋",
    "方红梅",
    "石磊",
    "叶青",
    "田甜",
    "白雪",
    "许可",
    "杜鹃",
    "杨帆",
    "宋佳",
    "罗刚",
    "曹颖",
]

OTHER_BRANCHES = [
    (
        "school-14",
        "XX市第十四中学党支部",
        "XX市第十四中学",
        ["林志强", "黄海燕", "徐磊", "郭敏", "唐静", "蔡明"],
    ),
    ("school-20", "XX市第二十中学党支部", "XX市第二十中学", ["崔勇", "董红", "韩冰", "谢芳", "潘玉"]),
    ("shiyan", "XX市实验小学党支部", "XX市实验小学", ["姜丽", "秦岭", "袁媛", "贾平", "钟华", "薛琴"]),
]


def demo_password() -> str:
    """ZHIBU_DEMO_PASSWORD, else one generated on first load and kept in var/ so `make run` can
    show it again (demo data only; never use demo accounts in production)."""
    if os.environ.get("ZHIBU_DEMO_PASSWORD"):
        return os.environ["ZHIBU_DEMO_PASSWORD"]
    path = settings.VAR_DIR / "demo_password"
    if not path.exists():
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        alphabet = string.ascii_letters + string.digits
        body = "".join(secrets.choice(alphabet) for _ in range(10))
        path.write_text(f"Zb{body}7!")
        path.chmod(0o600)
    return path.read_text().strip()


def _id_number(index: int, birth: date, gender: str) -> str:
    # 210600 = a city area code; sequence digit parity carries gender as the standard requires.
    seq = index * 2 + (1 if gender == "M" else 0)
    return with_check_digit(f"210602{birth:%Y%m%d}{seq % 1000:03d}")


def _people(org: Organisation, rows, counter: list[int]):
    made = {}
    for name, gender, birth, status, since, retired, staff in rows:
        counter[0] += 1
        made[name] = person_add(
            actor=None,
            organisation=org,
            data={
                "name": name,
                "gender": gender,
                "birth_date": birth,
                "id_number": _id_number(counter[0], birth, gender),
                "phone": f"139{counter[0]:08d}",
                "unit": org.unit_name,
                "is_staff_member": staff,
                "is_retired": retired,
            },
            party_status=status,
            status_since=since,
        )
    return made


def _committee(org: Organisation, started: date, posts: list[tuple]) -> None:
    term = CommitteeTerm.objects.create(organisation=org, started_on=started, note="换届选举")
    for person, post in posts:
        PostHolding.objects.create(term=term, organisation=org, person=person, post=post, started_on=started)


def _account(
    username: str, password: str, person, org: Organisation, role: str, subtree: bool = False
) -> User:
    user = user_add(actor=None, username=username, password=password, person=person)
    role_add(actor=None, user=user, organisation=org, role=role, include_subtree=subtree)
    return user


# Named "core" as before the people app existed: databases that loaded it must not load it twice.
@demo.register("core", order=0)
def load() -> str:
    password = demo_password()
    counter = [0]
    bureau = organisation_add(
        actor=None,
        code=BUREAU,
        name="XX市教育体育局党委",
        kind="committee",
        unit_name="XX市教育体育局",
        short_name="局党委",
    )
    school = organisation_add(
        actor=None,
        code=SEED_SCHOOL,
        name="XX市育才学校党支部",
        kind="branch",
        parent=bureau,
        unit_name="XX市育才学校",
        short_name="育才学校",
    )
    people = _people(school, SEED_PEOPLE, counter)
    staff_rows = [
        (n, "F" if i % 2 else "M", date(1980 + i, 1 + i % 12, 1 + i), "none", None, False, True)
        for i, n in enumerate(SEED_STAFF)
    ]
    people.update(_people(school, staff_rows, counter))
    _committee(
        school,
        date(2020, 9, 1),
        [
            (people["张文华"], "secretary"),
            (people["于雪华"], "organisation"),
            (people["刘晓筱"], "publicity"),
        ],
    )
    _account("secretary", password, people["张文华"], school, "secretary")
    _account("member", password, people["刘丹"], school, "member")
    _account("checker", password, people["何静"], school, "checker")
    _account("committee", password, people["于雪华"], school, "committee")
    bureau_user = user_add(actor=None, username="bureau", password=password)
    role_add(actor=None, user=bureau_user, organisation=bureau, role="bureau", include_subtree=True)
    for index, (code, name, unit, names) in enumerate(OTHER_BRANCHES):
        branch = organisation_add(
            actor=None, code=code, name=name, kind="branch", parent=bureau, unit_name=unit
        )
        rows = [
            (
                n,
                "M" if i % 2 else "F",
                date(1975 + i, 3, 1 + i),
                "full" if i < 4 else "probationary",
                date(2000 + i, 7, 1) if i < 4 else date(2025, 6, 1),
                False,
                True,
            )
            for i, n in enumerate(names)
        ]
        made = _people(branch, rows, counter)
        _committee(
            branch, date(2021, 9, 1), [(made[names[0]], "secretary"), (made[names[1]], "organisation")]
        )
        if index == 0:
            _account("outsider", password, made[names[0]], branch, "secretary")
    return f"{school.name}：{len(people)}人"


DEMO_ACCOUNTS = [
    ("secretary", "育才学校党支部书记 张文华"),
    ("member", "育才学校党员 刘丹"),
    ("committee", "育才学校组织委员 于雪华"),
    ("checker", "育才学校校办检查员 何静"),
    ("bureau", "局党委（查看全部支部）"),
    ("outsider", "第十四中学党支部书记 林志强（另一支部）"),
]


@demo.register_accounts
def accounts() -> tuple[str, list[tuple[str, str]]]:
    return demo_password(), DEMO_ACCOUNTS


@demo.register("people.transfers", order=96)
def load_transfers() -> str:
    """The seed school's transfer out (马丽, to the 第二十中学 branch, after the summary's period so
    its 14 members stand) and a 流动党员 mark of a teacher sent to teach elsewhere for a term."""
    from zhibu.core.models import Person

    from .models import MarkKind
    from .services.transfers import mark_add, transfer_out

    school = Organisation.objects.filter(code=SEED_SCHOOL).first()
    actor = User.objects.filter(username="secretary").first()
    if school is None or actor is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in Person.objects.filter(organisation=school)}
    mark_add(
        actor=actor,
        person=people["吴静"],
        kind=MarkKind.MOBILE,
        started_on=date(2022, 9, 1),
        ended_on=date(2023, 1, 31),
        reason="赴县乡村学校支教一学期",
    )
    transfer_out(
        actor=actor,
        person=people["马丽"],
        transferred_on=date(2023, 8, 28),
        other_organisation=Organisation.objects.filter(code="school-20").first(),
        letter_number="育才党支字〔2023〕3号",
        note="工作调动",
    )
    return f"{school.name}：组织关系转出1人"
