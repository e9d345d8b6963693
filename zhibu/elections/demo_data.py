"""Demo: the seed school's committee as elected, and one by-election.

- 换届选举, 2020-09-01 (the term the people demo records): 张文华 书记, 孙宁 副书记, 于雪华 组织委员,
  刘晓筱 宣传委员, with their votes (16 of the 17 members voting); its 3-year term ends 2023-08-31, so
  the summary of 2021-09..2023-07 finds "支委会将于2023年8月31日届满，请按期换届".
- 补选, 2022-03-16: the secretary fell ill, so the deputy secretary 孙宁 presided over the 支部党员大会
  that elected two committee members, 陈晓明 纪检委员 and 周敏 委员 (15 voting).
Loaded after every other demo (order 96), so the other ledgers' demo rows are as they were."""

from __future__ import annotations

from datetime import date

from zhibu.core import writes
from zhibu.core.models import Organisation, Person, Post, User
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors
from zhibu.people.services.committee import holding_record

from .audit_actions import ElectionsAction
from .models import Election, Kind, Result
from .services.elections import Elected, by_election_hold

SCHOOL = "yucai"
ELECTED_ON = date(2020, 9, 1)
VOTES = {"张文华": 16, "孙宁": 15, "于雪华": 15, "刘晓筱": 14}


def _record_election(actor, school: Organisation, people: dict[str, Person]) -> Election:
    """The 2020 election of the term the people demo opened: its deputy secretary's post, then the
    election with a result for each post held on its first day."""
    term = people_selectors.current_term(school)
    holding_record(
        actor=actor,
        organisation=school,
        person=people["孙宁"],
        post=Post.DEPUTY_SECRETARY,
        started_on=ELECTED_ON,
    )
    election = Election(
        organisation=school,
        kind=Kind.REGULAR,
        held_on=ELECTED_ON,
        term=term,
        term_years=3,
        presided_by=people["张文华"],
        ballots_cast=16,
        reason="支部党员大会换届选举",
    )
    writes.model_create(election, actor=actor, action=ElectionsAction.ELECTION_HELD)
    for holding in people_selectors.committee_on(school, ELECTED_ON):
        result = Result(
            election=election,
            organisation=school,
            person=holding.person,
            post=holding.post,
            votes=VOTES[holding.person.name],
            holding=holding,
        )
        writes.model_create(result, actor=actor, action=ElectionsAction.RESULT_RECORDED)
    return election


@demo.register("elections", order=96)
def load() -> str:
    school = Organisation.objects.filter(code=SCHOOL).first()
    actor = User.objects.filter(username="secretary").first()
    if school is None or actor is None or people_selectors.current_term(school) is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in Person.objects.filter(organisation=school)}
    _record_election(actor, school, people)
    by_election_hold(
        actor=actor,
        organisation=school,
        held_on=date(2022, 3, 16),
        presided_by=people["孙宁"],
        ballots_cast=15,
        reason="书记张文华因病住院治疗，由副书记孙宁主持召开支部党员大会，补选两名支部委员",
        results=[Elected(people["陈晓明"], Post.DISCIPLINE, 14), Elected(people["周敏"], Post.MEMBER, 13)],
    )
    return f"{school.name}：换届选举1次，补选1次"
