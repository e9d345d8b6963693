"""Recording a step of a person's development. Never automatic: an officer records what happened,
and the service refuses an impossible order of dates or a step too early under the rules in force
on the step's date, citing the rule. A step that moves the party status writes the roster's dated
history through people's internal function — one history, not two."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import not_future, required_text
from zhibu.core.models import PartyStatusChange, Person
from zhibu.core.periods import cn_date
from zhibu.meetings import quorum
from zhibu.meetings.models import MeetingVote
from zhibu.people.services.persons import STATUS_RANK, status_change_add

from .. import intervals, selectors
from ..audit_actions import DevelopmentAction
from ..models import DevelopmentStep, Step

S = Step
EVIDENCE_MAX = 2000


def _order(person: Person, steps: list[DevelopmentStep], step: str, day: date) -> None:
    on_file = {s.step: s for s in steps}
    label = Step(step).label
    if step in on_file and step not in intervals.REPEATABLE:
        raise ValidationError(
            {"step": _("%(name)s已登记“%(step)s”（%(day)s），不能重复登记")
             % {"name": person.name, "step": label, "day": cn_date(on_file[step].day)}}
        )  # fmt: skip
    for required in intervals.REQUIRES[step]:
        before = intervals.latest(steps, required)
        if before is None:
            raise ValidationError(
                {
                    "step": _("请先登记“%(req)s”，再登记“%(step)s”")
                    % {"req": Step(required).label, "step": label}
                }
            )
        if day < before.day:
            values = {"step": label, "day": cn_date(day), "req": Step(required).label}
            values["req_day"] = cn_date(before.day)
            raise ValidationError(
                {"day": _("“%(step)s”的日期（%(day)s）早于“%(req)s”（%(req_day)s），日期顺序不可能") % values}
            )
    for closing in intervals.CLOSED_BY.get(step, ()):
        if closing in on_file:
            raise ValidationError(
                {
                    "step": _("已登记“%(done)s”，不能再登记“%(step)s”")
                    % {"done": Step(closing).label, "step": label}
                }
            )
    if step == S.APPLICATION and person.is_member:
        raise ValidationError({"step": _("%(name)s已是党员，不能登记入党申请") % {"name": person.name}})


def _sponsors(person: Person, step: str, day: date, sponsors: list[Person]) -> list[Person]:
    if step not in intervals.SPONSORS_SOURCE:
        if sponsors:
            raise ValidationError(
                {"sponsors": _("只有确定入党积极分子和支部大会讨论接收时填写联系人或介绍人")}
            )
        return []
    what = _("培养联系人") if step == S.ACTIVIST else _("入党介绍人")
    allowed = (1, 2) if step == S.ACTIVIST else (2,)
    source = intervals.SPONSORS_SOURCE[step]
    if len(sponsors) not in allowed or person in sponsors:
        need = _("一至两名") if step == S.ACTIVIST else _("两名")
        raise ValidationError(
            {"sponsors": _("须有%(need)s正式党员作%(what)s（本人除外）。依据：%(source)s")
             % {"need": need, "what": what, "source": source}}
        )  # fmt: skip
    full = selectors.full_members_on(person.organisation, sponsors, day)
    wrong = [p.name for p in sponsors if p.pk not in full]
    if wrong:
        raise ValidationError(
            {"sponsors": _("%(names)s在%(day)s不是本支部正式党员，不能作%(what)s。依据：%(source)s")
             % {"names": "、".join(wrong), "day": cn_date(day), "what": what, "source": source}}
        )  # fmt: skip
    return sponsors


def _vote(person: Person, step: str, day: date, vote: MeetingVote | None) -> MeetingVote | None:
    if step != S.ADMISSION:
        if vote is not None:
            raise ValidationError({"vote": _("只有支部大会讨论接收时关联表决")})
        return None
    if vote is None:
        message = _("请选择支部党员大会对%(name)s的表决结果（先在组织生活中登记会议和表决）")
        raise ValidationError({"vote": message % {"name": person.name}})
    if not selectors.vote_choices(person.organisation).filter(pk=vote.pk).exists():
        raise ValidationError({"vote": _("所选表决不是本支部支部党员大会的表决")})
    held_on = selectors.local_day(vote.meeting.held_at)
    if held_on != day:
        raise ValidationError(
            {"day": _("支部大会讨论接收的日期应为会议日期（%(held)s）") % {"held": cn_date(held_on)}}
        )
    eligible = quorum.quorum_of(vote.meeting).eligible
    if not quorum.VoteResult(vote, eligible).passed:
        raise ValidationError(
            {"vote": _("该表决赞成%(a)d票，未超过应到会有表决权的正式党员%(e)d人的半数。依据：%(source)s")
             % {"a": vote.approve, "e": eligible, "source": intervals.VOTE_SOURCE}}
        )  # fmt: skip
    return vote


def _training(step: str, days: int | None, hours: int | None) -> tuple[int | None, int | None]:
    if step != S.TRAINING:
        return None, None
    if (days or 0) < intervals.MIN_TRAINING_DAYS and (hours or 0) < intervals.MIN_TRAINING_HOURS:
        raise ValidationError(
            {"training_days": _("集中培训%(d)s天、%(h)s学时，不足3天且不足24学时。依据：%(source)s")
             % {"d": days or 0, "h": hours or 0, "source": intervals.TRAINING_SOURCE}}
        )  # fmt: skip
    return days, hours


def _extension(step: str, months: int | None) -> int | None:
    if step != S.EXTENSION:
        return None
    if months is None or not intervals.MIN_EXTENSION <= months <= intervals.MAX_EXTENSION:
        raise ValidationError(
            {
                "extension_months": _("延长预备期须为6至12个月。依据：%(source)s")
                % {"source": intervals.EXTENSION_SOURCE}
            }
        )
    return months


def _status(actor, person: Person, step: str, day: date) -> PartyStatusChange | None:
    """The roster's history moves with the step; a step recorded after the fact for someone whose
    status is already there (a branch entering its history) links the change on file."""
    status = intervals.STATUS_OF.get(step)
    if status is None:
        return None
    if STATUS_RANK[status] <= STATUS_RANK[person.party_status]:
        return person.status_changes.filter(status=status).order_by("-since", "-pk").first()
    try:
        return status_change_add(actor=actor, person=person, status=status, since=day, note=Step(step).label)
    except ValidationError as error:
        raise ValidationError({"day": error.messages}) from None


@writes.service
def step_record(
    *,
    actor,
    person: Person,
    step: str,
    day: date | None,
    evidence: str,
    sponsors: Iterable[Person] = (),
    vote: MeetingVote | None = None,
    training_days: int | None = None,
    training_hours: int | None = None,
    extension_months: int | None = None,
) -> DevelopmentStep:
    policy.require(actor, "development.edit", person)
    if step not in Step.values:
        raise ValidationError({"step": _("请选择环节")})
    day = not_future(day, "day", _("日期"))
    evidence = required_text(evidence, "evidence", _("佐证材料及情况"), EVIDENCE_MAX)
    if person.left_on is not None and person.left_on < day:
        raise ValidationError(
            {
                "day": _("%(name)s已于%(left)s离开本单位")
                % {"name": person.name, "left": cn_date(person.left_on)}
            }
        )
    steps = selectors.steps_of_person(person)
    _order(person, steps, step, day)
    refused = intervals.too_early(selectors.rulebook(), steps, step, day)
    if refused:
        raise ValidationError({"day": refused})
    sponsors = _sponsors(person, step, day, list(sponsors))
    vote = _vote(person, step, day, vote)
    days, hours = _training(step, training_days, training_hours)
    months = _extension(step, extension_months)
    change = _status(actor, person, step, day)
    row = DevelopmentStep(
        organisation=person.organisation,
        person=person,
        step=step,
        day=day,
        evidence=evidence,
        vote=vote,
        training_days=days,
        training_hours=hours,
        extension_months=months,
        status_change=change,
    )
    writes.model_create(
        row,
        actor=actor,
        action=DevelopmentAction.STEP_RECORDED,
        extra={"sponsors": [p.name for p in sponsors]},
    )
    row.sponsors.set(sponsors)
    return row
