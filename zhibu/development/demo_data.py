"""Demo development ledger for the seed's school (育才学校): the pipeline is empty but for its two
activists, 何静 and 郑浩 (their status history comes from the roster's demo), each with the steps
that made them activists and a 考察 about every five months since — nobody developed in the last
two years, so the seed's weakness ("组织发展近两年没有") is computed from the pipeline."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from .intervals import add_months
from .models import DevelopmentStep, Step

SCHOOL = "yucai"
# name, application, talk, activist (the roster's date), contacts
ACTIVISTS = [
    ("何静", date(2018, 9, 10), date(2018, 9, 28), date(2019, 3, 5), ("张文华", "刘丹")),
    ("郑浩", date(2020, 3, 2), date(2020, 3, 20), date(2020, 9, 10), ("于雪华", "刘晓筱")),
]
REVIEW_EVERY = 5  # months: within the 细则's half year
EVIDENCE = {
    Step.APPLICATION: "本人递交入党申请书一份，已登记。",
    Step.TALK: "支部委员谈话，了解本人基本情况和入党动机，谈话记录存档。",
    Step.ACTIVIST: "经党员推荐，支部委员会研究确定为入党积极分子，报上级党委备案。",
    Step.REVIEW: "培养联系人和党小组考察：政治表现好，工作积极，思想汇报按时提交。",
}


def _steps(org: Organisation, person, application, talk, activist, contacts, today: date) -> int:
    made = 0
    change = person.status_changes.filter(status="activist").first()
    for step, day in ((Step.APPLICATION, application), (Step.TALK, talk), (Step.ACTIVIST, activist)):
        row = DevelopmentStep.objects.create(
            organisation=org,
            person=person,
            step=step,
            day=day,
            evidence=EVIDENCE[step],
            status_change=change if step == Step.ACTIVIST else None,
        )
        if step == Step.ACTIVIST:
            row.sponsors.set(contacts)
        made += 1
    review = add_months(activist, REVIEW_EVERY)
    reviews = []
    while review <= today:
        reviews.append(
            DevelopmentStep(
                organisation=org, person=person, step=Step.REVIEW, day=review, evidence=EVIDENCE[Step.REVIEW]
            )
        )
        review = add_months(review, REVIEW_EVERY)
    DevelopmentStep.objects.bulk_create(reviews)
    return made + len(reviews)


@demo.register("development", order=12)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    today = timezone.localdate()
    people = {p.name: p for p in people_selectors.people_of(org)}
    made = 0
    for name, application, talk, activist, contacts in ACTIVISTS:
        if name in people:
            made += _steps(
                org, people[name], application, talk, activist, [people[c] for c in contacts], today
            )
    return f"{org.name}：发展党员环节{made}条（入党积极分子{len(ACTIVISTS)}人）"
