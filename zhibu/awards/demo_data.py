"""Demo: last year's (2022) 庆“七一” selection in the seed school — 优秀共产党员 4 and 包教工作先进个人 2
by secret ballot of the branch's members combined with the committee's quantified scores (the
criteria other schools use: 日常工作表现, 活动参与度, 理论学习, 护学岗, 亮剑活动), published for 公示 on
2022-07-01; and the bureau's 2023 两先一优 selection, where the school put forward itself and 刘晓筱 and
the 党委 chose both. The winners are the honours the honours demo records (the seed summary's), so
publishing finds them recorded and adds none; loaded alone, it records them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhibu.core.models import Organisation, Person, User
from zhibu.core.registries import demo

from .models import Campaign, Nomination, Scope, Source
from .services.campaigns import campaign_create
from .services.nominations import nomination_decide, scores_enter
from .services.publishing import campaign_publish
from .services.voting import ballot_add

SCHOOL, BUREAU = "yucai", "bureau"
TITLE = "2022年庆“七一”评先评优"
KINDS = "优秀共产党员 4\n包教工作先进个人 2"
CRITERIA = "日常工作表现 30\n活动参与度 20\n理论学习 20\n护学岗 15\n亮剑活动 15"
EXCELLENT = ["刘丹", "王春华", "陈晓明", "周敏", "孙宁", "李建国"]  # the first four win
MENTORS = ["刘晓筱", "高峰", "吴静"]  # the first two win
# Each voter ticks the first four (two) names; every fifth swaps the fourth for the fifth, every
# seventh the third for the sixth, every fourth 高峰 for 吴静: a real spread, no tie.
SCORES = {"刘丹": 96, "王春华": 94, "陈晓明": 92, "周敏": 90, "孙宁": 86, "李建国": 84,
          "刘晓筱": 97, "高峰": 91, "吴静": 88}  # fmt: skip


def _ballots(campaign: Campaign, voters: list[Person], nominations: dict[tuple[str, str], Nomination]) -> int:
    for i, voter in enumerate(voters, start=1):
        excellent = EXCELLENT[:4]
        if i % 5 == 0:
            excellent[3] = EXCELLENT[4]
        if i % 7 == 0:
            excellent[2] = EXCELLENT[5]
        mentors = [MENTORS[0], MENTORS[2] if i % 4 == 0 else MENTORS[1]]
        chosen = [nominations[("优秀共产党员", n)] for n in excellent] + [
            nominations[("包教工作先进个人", n)] for n in mentors
        ]
        ballot_add(campaign=campaign, person=voter, choices=chosen)
    return len(voters)


def _school_campaign(secretary: User, school: Organisation) -> Campaign:
    campaign = campaign_create(
        actor=secretary,
        organisation=school,
        title=TITLE,
        year=2022,
        scope=Scope.BRANCH,
        opens_on=date(2022, 6, 20),
        closes_on=date(2022, 6, 27),
        kinds=KINDS,
        criteria=CRITERIA,
        ballot_weight=Decimal(60),
        note="按照《党员评先评优办法》，党员无记名投票得分占60%，支委会量化考核得分占40%。",
    )
    people = {p.name: p for p in Person.objects.filter(organisation=school)}
    kinds = {k.name: k for k in campaign.kinds.all()}
    nominations = {}
    for kind, names in (("优秀共产党员", EXCELLENT), ("包教工作先进个人", MENTORS)):
        for n, name in enumerate(names):
            nominations[(kind, name)] = Nomination.objects.create(
                campaign=campaign,
                kind=kinds[kind],
                organisation=school,
                person=people[name],
                source=Source.SELF if n % 3 == 2 else Source.COMMITTEE,
                reason="工作踏实，起到党员先锋模范作用。",
            )
    voters = list(Person.objects.filter(organisation=school, party_status="full").order_by("pk"))
    _ballots(campaign, voters, nominations)
    criteria = list(campaign.criteria.order_by("order"))
    scores = {
        (n.pk, c.pk): Decimal(SCORES[n.person.name] - (i % 3))
        for n in nominations.values()
        for i, c in enumerate(criteria)
    }
    scores_enter(actor=secretary, campaign=campaign, scores=scores)
    campaign.refresh_from_db()
    return campaign_publish(
        actor=secretary, campaign=campaign, version=campaign.version, published_on=date(2022, 7, 1)
    )


def _bureau_campaign(bureau_user: User, bureau: Organisation, school: Organisation) -> Campaign:
    campaign = campaign_create(
        actor=bureau_user,
        organisation=bureau,
        title="2023年教育体育局党委“两先一优”评比",
        year=2023,
        scope=Scope.BUREAU,
        opens_on=date(2023, 6, 1),
        closes_on=date(2023, 6, 20),
        kinds="先进党支部 3\n优秀共产党员 10",
    )
    kinds = {k.name: k for k in campaign.kinds.all()}
    liu = Person.objects.get(organisation=school, name="刘晓筱")
    for kind, person in (("先进党支部", None), ("优秀共产党员", liu)):
        n = Nomination.objects.create(
            campaign=campaign, kind=kinds[kind], organisation=school, person=person, source=Source.BRANCH
        )
        nomination_decide(actor=bureau_user, nomination=n, won=True)
    campaign.refresh_from_db()
    return campaign_publish(
        actor=bureau_user, campaign=campaign, version=campaign.version, published_on=date(2023, 6, 28)
    )


@demo.register("awards", order=50)
def load() -> str:
    school = Organisation.objects.filter(code=SCHOOL).first()
    secretary = User.objects.filter(username="secretary").first()
    if school is None or secretary is None:
        return "跳过：没有演示学校"
    campaign = _school_campaign(secretary, school)
    bureau = Organisation.objects.filter(code=BUREAU).first()
    bureau_user = User.objects.filter(username="bureau").first()
    if bureau is not None and bureau_user is not None:
        _bureau_campaign(bureau_user, bureau, school)
    return f"{school.name}：{campaign.title}（优秀共产党员4名、包教工作先进个人2名）"
