"""The city's 组织生活: 三会一课 for every branch and month up to `until`, per the default cadence
rules (migration 0003) — a monthly 支委会 and 主题党日, a quarterly 党员大会 and 党课, the December
组织生活会 — the weekly 中心组学习 in term time, a 专题组织会议 each school month and two 座谈会 a year
(about 95 meetings a branch-year), each with its attendance sheet. A few 支委会 are missing so the findings
have something to show. Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import islice

from django.db.models import F
from django.utils import timezone

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import Attendance, Meeting, MeetingType

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
LEAVE_REASONS = ["外出参加教研活动", "病假", "带学生参加比赛", "家中有事", "参加区里培训", "公差外出"]
THEMES = [
    "重温入党誓词",
    "学习先进典型事迹",
    "社区志愿服务",
    "党员示范课观摩",
    "走访困难学生家庭",
    "师德师风自查",
]
BRANCHES_PER_CHUNK = 20  # meetings of this many branches are held in memory at once


def _weekday_in(year: int, month: int, nth: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def month_plan(year: int, month: int) -> list[tuple[str, date, str, int]]:
    """(type code, day, topic, hour) of the meetings a branch holds in a month."""
    school_month = month not in (2, 8)
    plan = [
        ("committee_meeting", _weekday_in(year, month, 1, 0), f"支委会：研究{month}月份支部工作安排", 16),
        ("theme_day", _weekday_in(year, month, 2, 2), f"主题党日：{THEMES[month % len(THEMES)]}", 15),
    ]
    if school_month:
        plan.append(
            ("topical_meeting", _weekday_in(year, month, 4, 2), f"专题组织会议：{month}月工作研讨", 15)
        )
    if month != 8:  # the weekly 中心组学习 binds term time only, and August is in no term
        mondays = [_weekday_in(year, month, n, 0) for n in range(1, 6)]
        plan += [("theory_group", d, "中心组学习：学习上级文件精神", 14) for d in mondays if d.month == month]
    if month % 3 == 0:
        quarter = month // 3
        plan.append(
            ("general_meeting", _weekday_in(year, month, 3, 3), f"{year}年第{quarter}季度党员大会", 9)
        )
        plan.append(("party_lecture", _weekday_in(year, month, 4, 3), f"{year}年第{quarter}季度党课", 15))
    if month in (5, 11):
        plan.append(("forum", _weekday_in(year, month, 1, 4), f"民主座谈会：{year}年{month}月交流研讨", 15))
    if month == 12:
        plan.append(("org_life_meeting", _weekday_in(year, 12, 3, 4), f"{year}年度组织生活会", 15))
    return plan


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


@citygen.register("meetings", order=20)
def generate(ctx: citygen.CityContext) -> int:
    types = {t.code: t for t in MeetingType.objects.filter(organisation__isnull=True)}
    months = [(y, m) for y in ctx.years for m in range(1, 13) if date(y, m, 1) <= ctx.until]
    plans = [(y, m, p) for y, m in months for p in month_plan(y, m)]
    linked = ctx.shared.setdefault("meetings", [])  # (id, organisation id, day, type code) for study
    through = Meeting.types.through
    iterator = iter(ctx.branches)
    while chunk := list(islice(iterator, BRANCHES_PER_CHUNK)):
        made: list[tuple[Meeting, str]] = []
        for branch in chunk:
            people = ctx.people[branch.pk]
            host, recorder = people[0], people[1 % len(people)]
            for _year, _month, (code, day, topic, hour) in plans:
                if day > ctx.until or (code == "committee_meeting" and ctx.rng.random() < 0.03):
                    continue
                meeting = Meeting(
                    organisation=branch,
                    topic=topic,
                    held_at=_at(day, hour),
                    place="党员活动室",
                    held=True,
                    host=host,
                    recorder=recorder,
                    minutes=f"{topic}。书记{host.name}主持，与会人员结合本职工作交流发言。",
                )
                made.append((meeting, code))
        ctx.bulk(Meeting, [m for m, _c in made])
        ctx.bulk(through, (through(meeting_id=m.pk, meetingtype_id=types[c].pk) for m, c in made))
        ctx.bulk(Attendance, (row for m, c in made for row in _sheet(ctx, m, c, types[c])))
        linked.extend(
            (m.pk, m.organisation_id, timezone.localtime(m.held_at).date(), c)
            for m, c in made
            if c in ("party_lecture", "forum")
        )
    # Historic rows were "entered on the day": one UPDATE instead of a value per row.
    Meeting.objects.filter(organisation__path__startswith=ctx.bureau.path).update(
        created_at=F("held_at") + timedelta(hours=3), recorded_late=False
    )
    return sum(ctx.rows[m._meta.db_table] for m in (Meeting, through, Attendance))


def _sheet(ctx, meeting: Meeting, code: str, mtype: MeetingType):
    people = ctx.people[meeting.organisation_id]
    if code in ("committee_meeting", "theory_group"):
        sheet = [(p, False) for p in people[:5] if p.party_status in MEMBERS]
    else:
        sheet = [(p, False) for p in people if p.party_status in MEMBERS]
        if mtype.allows_non_members:
            sheet += [(p, True) for p in people if p.party_status not in MEMBERS][:3]
    rng = ctx.rng
    for person, guest in sheet:
        roll = rng.random()
        status, reason = "present", ""
        if person.is_retired and roll < 0.5:
            status, reason = "leave", "退休党员，身体原因请假"
        elif roll < 0.06:
            status, reason = "leave", rng.choice(LEAVE_REASONS)
        elif roll < 0.08:
            status = "absent"
        yield Attendance(
            meeting=meeting,
            organisation_id=meeting.organisation_id,
            person=person,
            status=status,
            reason=reason,
            is_guest=guest,
        )
