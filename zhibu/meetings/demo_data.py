"""Demo: the seed school's 组织生活 over the campaign (2021-09-01 to 2023-07-31) and the current
year up to today, so the dashboard and the calendar are alive.

间周一次的党员活动 (a 主题党日 and a second activity each school month: 党史专题党课 six times,
民主座谈会 three times, otherwise a 专题组织会议), a monthly 支委会, a quarterly 党员大会, a
quarterly 党课, the December 组织生活会 and the 中心理论组's weekly study. Deliberate gaps so the
findings show: 支委会 missing in 2022-08 and 2023-05, the 中心组 study in National Day week 2022,
one 党员大会 without a quorum, and three records entered late.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from django.db.models import F
from django.utils import timezone

from zhibu.core.models import Organisation, Person, User
from zhibu.core.periods import Period
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from . import quorum, services
from .models import Attendance, Meeting, MeetingType

CAMPAIGN = (date(2021, 9, 1), date(2023, 7, 31))
CURRENT_FROM = date(2026, 1, 1)
COMMITTEE_GAPS = {(2022, 8), (2023, 5)}
THEORY_GAP_WEEKS = {date(2022, 10, 3)}
LATE = {"committee_meeting": {(2022, 3)}, "theme_day": {(2023, 4)}, "topical_meeting": {(2026, 10)}}
NO_QUORUM = date(2023, 1, 11)
THEORY_GROUP = ["张文华", "李建国", "高峰", "王春华", "陈晓明", "于雪华"]
LEAVE_REASONS = ["外出参加市教研活动", "病假", "带学生参加比赛", "家中有事", "参加区里培训", "公差外出"]

THEMES = [
    "创先争优：比学习强素质、比技能做奉献、比作风树形象",
    "三亮三比两争当：亮身份、亮职责、亮承诺",
    "四城联创、文明使者在行动：江边公园清扫",
    "学案导学课堂教学改革党员示范课观摩",
    "重温入党誓词，佩戴党徽上岗",
    "送温暖献爱心：走访困难学生家庭",
    "学习郭明义同志先进事迹",
    "党员义务补课与学困生帮扶经验交流",
    "阳光协作班：文明礼仪伴我行",
    "学习全国道德模范和“双百”人物事迹",
]
PARTY_HISTORY = {
    (2021, 10): "党史专题党课：中国共产党的创建与新民主主义革命",
    (2021, 12): "党史专题党课：社会主义革命和建设时期",
    (2022, 4): "党史专题党课：改革开放和社会主义现代化建设新时期",
    (2022, 5): "党史专题党课：中国特色社会主义新时代",
    (2022, 11): "党史专题党课：党的百年奋斗重大成就和历史经验",
    (2023, 4): "党史专题党课：从党史中汲取力量，做新时代人民教师",
}
FORUMS = {
    (2021, 11): "民主座谈会：创先争优活动开展情况交流研讨",
    (2022, 6): "民主座谈会：结合党支部争先创优活动谈不足和困惑，对学校工作的意见和建议",
    (2023, 3): "民主座谈会：包教工作与问题学生转化经验交流",
}
OTHER_LECTURES = {
    (2022, 3): "校长讲党课：做学生健康成长的引路人",
    (2022, 7): "党课：庆祝建党101周年，不忘初心跟党走",
    (2023, 1): "党课：学习贯彻党的二十大精神",
    (2026, 3): "党课：弘扬教育家精神",
    (2026, 6): "党课：学习贯彻全国教育大会精神",
    (2026, 9): "党课：新学期师德师风专题党课",
}
TOPICAL = [
    "专题组织会议：反思思想工作，查找不足，研究解决实际问题的措施",
    "专题组织会议：学案导学课改推进中的问题与对策",
    "专题组织会议：党员包教工作月度检查总结",
    "专题组织会议：教育政风行风建设自查",
    "专题组织会议：特色教育与网瘾矫治工作研讨",
]
VOTES = {6: "评选校级优秀共产党员、包教工作先进个人", 12: "通过年度民主评议党员结果"}


def _at(day: date, hour: int = 15, minute: int = 30) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def _weekday_in(year: int, month: int, nth: int, weekday: int = 2) -> date:
    """The nth given weekday (Mon=0) of a month."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (nth - 1))


def _months(start: date, end: date):
    return [(p.start.year, p.start.month) for p in Period.span(start, end).months()]


class _Loader:
    def __init__(self, school: Organisation, actor: User, until: date) -> None:
        self.school = school
        self.actor = actor
        self.until = until
        self.rng = random.Random(20210901)  # noqa: S311 - demo data, reproducible
        self.types = {t.code: t for t in MeetingType.objects.filter(organisation__isnull=True)}
        self.people = {p.name: p for p in Person.objects.filter(organisation=school)}
        self.late: list[int] = []
        self.made: list[int] = []

    def meeting(
        self,
        day: date,
        codes: list[str],
        topic: str,
        *,
        place: str = "党员活动室",
        hour: int = 15,
        attendees: list[str] | None = None,
        minutes: str = "",
        decisions: str = "",
    ) -> Meeting | None:
        if day > self.until:
            return None
        meeting = services.meeting_create(
            actor=self.actor,
            organisation=self.school,
            data={
                "topic": topic,
                "held_at": _at(day, hour),
                "place": place,
                "held": True,
                "host": self.people["张文华"],
                "recorder": self.people["刘晓筱"],
                "minutes": minutes or f"{topic}。书记张文华主持，与会党员结合本职工作交流发言。",
                "decisions": decisions,
            },
            types=[self.types[c] for c in codes],
            attendees=[self.people[n] for n in attendees] if attendees else None,
        )
        self.made.append(meeting.pk)
        if any((day.year, day.month) in LATE.get(c, set()) for c in codes):
            self.late.append(meeting.pk)
        self.mark_attendance(meeting, no_quorum=(day == NO_QUORUM))
        return meeting

    def mark_attendance(self, meeting: Meeting, *, no_quorum: bool = False) -> None:
        rows = list(meeting.attendance.select_related("person"))
        for index, row in enumerate(rows):
            roll = self.rng.random()
            if no_quorum and index % 2 == 0:
                status, reason = "leave", "寒假前外出"
            elif row.person.is_retired and roll < 0.6:
                status, reason = "leave", "退休党员，身体原因请假"
            elif roll < 0.07:
                status, reason = "leave", self.rng.choice(LEAVE_REASONS)
            elif roll < 0.085:
                status, reason = "absent", ""
            else:
                continue
            services.attendance_set(actor=self.actor, attendance=row, status=status, reason=reason)

    def month(self, year: int, month: int) -> None:
        key = (year, month)
        school_month = month not in (2, 8)
        if key not in COMMITTEE_GAPS:
            self.meeting(
                _weekday_in(year, month, 1, 0),
                ["committee_meeting"],
                f"支委会：研究{month}月份支部工作安排",
                place="校长室",
                hour=16,
                decisions=f"部署{month}月份党建工作和党员活动安排。",
            )
        if school_month:
            theme = THEMES[(year * 12 + month) % len(THEMES)]
            codes = ["theme_day"] + (["party_lecture"] if key in OTHER_LECTURES else [])
            topic = OTHER_LECTURES.get(key) or f"主题党日：{theme}"
            self.meeting(_weekday_in(year, month, 2), codes, topic)
            if key in PARTY_HISTORY:
                self.meeting(
                    _weekday_in(year, month, 4), ["party_lecture"], PARTY_HISTORY[key], place="多媒体教室"
                )
            elif key in FORUMS:
                self.meeting(_weekday_in(year, month, 4), ["forum"], FORUMS[key], place="学校会议室")
            else:
                self.meeting(_weekday_in(year, month, 4), ["topical_meeting"], TOPICAL[month % len(TOPICAL)])
        else:
            # Holidays: the month's 主题党日 is a volunteer day in the community.
            self.meeting(
                _weekday_in(year, month, 2),
                ["theme_day"],
                "主题党日：假期社区志愿服务（四城联创）",
                place="居住小区及江边公园",
            )
        if month in (1, 3, 6, 9, 12):
            self.general(year, month)
        if month == 12:
            self.meeting(
                _weekday_in(year, 12, 3, 4),
                ["org_life_meeting"],
                f"{year}年度组织生活会暨民主评议党员",
                place="学校会议室",
                minutes="对照党章党规，开展批评与自我批评，民主评议党员。",
            )

    def general(self, year: int, month: int) -> None:
        if month == 1 and date(year, 1, 11) != NO_QUORUM:
            return
        day = NO_QUORUM if month == 1 else _weekday_in(year, month, 3, 3)
        subject = VOTES.get(month)
        meeting = self.meeting(
            day,
            ["general_meeting"],
            f"支部党员大会：{year}年第{(month - 1) // 3 + 1}季度党员大会",
            place="学校会议室",
            hour=9,
            decisions=subject or "",
        )
        if meeting and subject:
            present = quorum.quorum_of(meeting).present
            services.vote_record(
                actor=self.actor, meeting=meeting, subject=subject, approve=present - 1, oppose=0, abstain=1
            )

    def theory_group(self, start: date, end: date) -> None:
        for week in Period.span(start, end).weeks():
            in_term = Period.term_of(week.start) or Period.term_of(week.end)
            if week.start < start or not in_term or week.start in THEORY_GAP_WEEKS:
                continue
            self.meeting(
                week.start,
                ["theory_group"],
                "中心理论组学习：学习上级文件精神和教育政策法规",
                place="校长室",
                hour=14,
                attendees=THEORY_GROUP,
            )

    def finish(self) -> None:
        # Historic rows are entered "on the day" except the deliberate late ones.
        Meeting.objects.filter(pk__in=self.made).update(
            created_at=F("held_at") + timedelta(hours=3), recorded_late=False
        )
        Meeting.objects.filter(pk__in=self.late).update(
            created_at=F("held_at") + timedelta(days=20), recorded_late=True
        )


@demo.register("meetings", order=20)
def load() -> str:
    school = Organisation.objects.get(code="yucai")
    actor = User.objects.get(username="secretary")
    today = timezone.localdate()
    loader = _Loader(school, actor, until=min(today - timedelta(days=1), today))
    for start, end in (CAMPAIGN, (CURRENT_FROM, today)):
        for year, month in _months(start, end):
            loader.month(year, month)
        loader.theory_group(start, end)
    planned = date(today.year, 12, 18)
    if planned > today:
        services.meeting_create(
            actor=actor,
            organisation=school,
            data={
                "topic": f"{today.year}年度组织生活会暨民主评议党员（计划）",
                "held_at": _at(planned),
                "place": "学校会议室",
                "held": False,
            },
            types=[loader.types["org_life_meeting"]],
        )
    loader.finish()
    members = people_selectors.members_on(school, today).count()
    rows = Attendance.objects.filter(meeting__organisation=school).count()
    return f"{school.name}：会议{len(loader.made)}次，签到{rows}人次（党员{members}人）"


# The other branches of the demo city keep their 组织生活 with different care this year, so the
# bureau's grid compares something: 十四中 misses nothing, 二十中 skips some 支委会 and every 党课 of
# the spring, 实验小学 meets only now and then. (code, months without a 支委会, months without a
# 主题党日, quarters without a 党员大会, quarters without a 党课)
BRANCH_HABITS = (
    ("school-14", set(), set(), set(), set()),
    ("school-20", {3, 7, 8}, {8}, set(), {1, 2}),
    ("shiyan", {2, 4, 6, 8, 10}, {1, 2, 5, 7, 8, 9}, {2, 4}, {1, 2, 3}),
)


def _branch_meeting(branch: Organisation, day: date, code: str, topic: str, types, host) -> None:
    meeting = services.meeting_add(
        actor=None,
        organisation=branch,
        data={"topic": topic, "held_at": _at(day), "place": "会议室", "held": True, "host": host},
        types=[types[code]],
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        created_at=F("held_at") + timedelta(hours=3), recorded_late=False
    )


@demo.register("meetings.branches", order=21)
def load_branches() -> str:
    today = timezone.localdate()
    types = {t.code: t for t in MeetingType.objects.filter(organisation__isnull=True)}
    made = 0
    for code, no_committee, no_theme, no_general, no_lecture in BRANCH_HABITS:
        branch = Organisation.objects.filter(code=code).first()
        if branch is None:
            continue
        host = Person.objects.filter(organisation=branch).order_by("pk").first()
        for year, month in _months(CURRENT_FROM, today - timedelta(days=1)):
            quarter = (month - 1) // 3 + 1
            plan = []
            if month not in no_committee:
                plan.append(
                    (_weekday_in(year, month, 1, 0), "committee_meeting", f"支委会：研究{month}月份工作")
                )
            if month not in no_theme:
                plan.append(
                    (_weekday_in(year, month, 2), "theme_day", f"主题党日：{THEMES[month % len(THEMES)]}")
                )
            if month % 3 == 0 and quarter not in no_general:
                plan.append((_weekday_in(year, month, 3, 3), "general_meeting", f"第{quarter}季度党员大会"))
            if month % 3 == 2 and quarter not in no_lecture:
                plan.append((_weekday_in(year, month, 3, 1), "party_lecture", f"第{quarter}季度党课"))
            for day, type_code, topic in plan:
                if day < today:
                    _branch_meeting(branch, day, type_code, topic, types, host)
                    made += 1
    return f"其他支部：会议{made}次"
