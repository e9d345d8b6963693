"""The city's rosters: about 30 people per branch (two thirds party members, a few activists and
applicants, the rest non-member staff), their dated party status history, a five-person committee
and the secretary's login. Names are drawn from common surnames and given-name characters; ID
numbers are well-formed (date of birth, gender digit, check character) and unique by construction.
Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from django.utils import timezone

from zhibu.core.crypto import blind_index
from zhibu.core.idnumbers import with_check_digit
from zhibu.core.models import (
    CommitteeTerm,
    PartyStatus,
    PartyStatusChange,
    Person,
    PostHolding,
    RoleGrant,
    User,
)
from zhibu.core.registries import citygen
from zhibu.core.strokes import name_sort_string

from .services.persons import pinyin_of

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞宇欣怡晨雪梅"
    "海燕志云峰慧颖佳琳晓春丹宁浩然俊凯"
)
POSTS = ["secretary", "organisation", "publicity", "discipline", "youth"]


@cache
def _pinyin(name: str) -> str:
    return pinyin_of(name)


def _name(rng) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _id_number(index: int, birth: date, gender: str) -> str:
    """Unique by construction: the 6-digit area part and the 3-digit sequence come from the running
    index (500 people per area), the gender digit's parity follows GB 11643."""
    area = 110101 + index // 500
    seq = (index % 500) * 2 + (1 if gender == "M" else 0)
    return with_check_digit(f"{area}{birth:%Y%m%d}{seq:03d}")


def _plan(n: int) -> list[str]:
    """Party status of each roster position: 60 % full members (the last two retired), then
    probationary members, activists, one applicant, and non-member staff."""
    full = round(n * 0.6)
    probationary = round(n * 0.07)
    activists = round(n * 0.07)
    applicants = 1 if n >= 10 else 0
    rest = n - full - probationary - activists - applicants
    return (
        ["full"] * full
        + ["probationary"] * probationary
        + ["activist"] * activists
        + ["applicant"] * applicants
        + ["none"] * max(rest, 0)
    )[:n]


def _day_in(rng, year: int, until: date) -> date:
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    return min(day, until)


@citygen.register("people", order=10)
def generate(ctx: citygen.CityContext) -> int:
    rng, first_year = ctx.rng, ctx.years[0]
    plan = _plan(ctx.people_per_branch)
    retired_from = plan.count("full") - 2 if plan.count("full") >= 6 else len(plan)
    persons: list[Person] = []
    history: list[tuple[int, list[tuple[str, date]]]] = []
    for branch in ctx.branches:
        for position, status in enumerate(plan):
            index = len(persons)
            retired = retired_from <= position < plan.count("full")
            gender = "M" if rng.random() < 0.4 else "F"
            birth = date(1950 if retired else 1965, 1, 1) + timedelta(days=rng.randrange(365 * 30))
            id_number = _id_number(index, birth, gender)
            name = _name(rng)
            person = Person(
                organisation=branch,
                name=name,
                name_pinyin=_pinyin(name),
                name_strokes=name_sort_string(name),
                gender=gender,
                birth_date=birth,
                phone=f"139{index:08d}",
                id_number=id_number,
                id_number_digest=blind_index(id_number, "person.id_number"),
                unit=branch.unit_name,
                is_staff_member=True,
                is_retired=retired,
                party_status=status,
            )
            persons.append(person)
            history.append((index, _history(rng, status, birth, first_year, ctx.until)))
    ctx.bulk(Person, persons, keep=True)
    changes = (
        PartyStatusChange(person=persons[i], organisation_id=persons[i].organisation_id, status=s, since=d)
        for i, steps in history
        for s, d in steps
    )
    ctx.bulk(PartyStatusChange, changes)
    per_branch = len(plan)
    for number, branch in enumerate(ctx.branches):
        ctx.people[branch.pk] = persons[number * per_branch : (number + 1) * per_branch]
    _committees(ctx)
    return sum(ctx.rows[m._meta.db_table] for m in (Person, PartyStatusChange, CommitteeTerm, PostHolding))


def _history(rng, status: str, birth: date, first_year: int, until: date) -> list[tuple[str, date]]:
    """The dated steps that end in `status`: members joined well before the city's first year
    (probationary ones within it), activists and applicants applied recently."""
    if status == "full":
        joined = date(birth.year + 24 + rng.randrange(10), 7, 1)
        joined = min(joined, date(first_year - 2, 7, 1))
        return [("probationary", joined), ("full", joined.replace(year=joined.year + 1))]
    if status == "probationary":
        return [("activist", date(first_year - 2, 3, 1)), ("probationary", _day_in(rng, until.year, until))]
    if status in ("activist", "applicant"):
        return [(status, _day_in(rng, max(first_year, until.year - 1), until))]
    return []


def _committees(ctx: citygen.CityContext) -> None:
    started = date(ctx.years[0] - 1, 9, 1)
    terms = ctx.bulk(
        CommitteeTerm,
        (CommitteeTerm(organisation=b, started_on=started, note="换届选举") for b in ctx.branches),
        keep=True,
    )
    ctx.bulk(
        PostHolding,
        (
            PostHolding(
                term=term, organisation_id=term.organisation_id, person=person, post=post, started_on=started
            )
            for term in terms
            for person, post in zip(ctx.people[term.organisation_id], POSTS, strict=False)
            if person.party_status in (PartyStatus.FULL, PartyStatus.PROBATIONARY)
        ),
    )
    now = timezone.now()
    users = ctx.bulk(
        User,
        (
            User(
                username=f"{b.code}-sec",
                person=ctx.people[b.pk][0],
                password=ctx.password_hash,
                password_changed_at=now,
            )
            for b in ctx.branches
        ),
        keep=True,
    )
    ctx.bulk(
        RoleGrant,
        (RoleGrant(user=u, organisation_id=u.person.organisation_id, role="secretary") for u in users),
    )
    ctx.secretaries = {u.person.organisation_id: u for u in users}


@citygen.register("people.transfers", order=90)
def generate_transfers(ctx: citygen.CityContext) -> int:
    """About one branch in four transfers a member out each summer (28 August: the new school
    year's moves), letters numbered per branch; one branch in five has a 流动党员 for a term. Runs
    after the other ledgers so their rows were written for people still here."""
    from .models import Direction, MarkKind, StatusMark, Transfer

    rng = ctx.rng
    transfers: list[Transfer] = []
    marks: list[StatusMark] = []
    for branch in ctx.branches:
        members = [
            p for p in ctx.people[branch.pk][len(POSTS) :] if p.party_status == "full" and not p.is_retired
        ]
        for year in ctx.years:
            day = date(year, 8, 28)
            if day <= ctx.until and members and rng.random() < 0.25:
                person = members.pop(rng.randrange(len(members)))
                transfers.append(
                    Transfer(
                        organisation=branch,
                        person=person,
                        direction=Direction.OUT,
                        transferred_on=day,
                        other_name="外区学校党支部",
                        letter_number=f"{branch.code}组转〔{year}〕{len(transfers) + 1}号",
                    )
                )
                person.left_on = day
            start = date(year, 9, 1)
            if start <= ctx.until and members and rng.random() < 0.2:
                marks.append(
                    StatusMark(
                        organisation=branch,
                        person=rng.choice(members),
                        kind=MarkKind.MOBILE,
                        started_on=start,
                        ended_on=date(year + 1, 1, 31) if date(year + 1, 1, 31) <= ctx.until else None,
                        reason="外出支教",
                    )
                )
    ctx.bulk(Transfer, transfers)
    ctx.bulk(StatusMark, marks)
    for day in sorted({t.transferred_on for t in transfers}):
        Person.objects.filter(pk__in=[t.person_id for t in transfers if t.transferred_on == day]).update(
            left_on=day
        )
    return ctx.rows["people_transfer"] + ctx.rows["people_statusmark"]
