"""Demo voice ledger for the seed's school (育才学校): before deciding its 绩效工资 plan in March 2023
the branch asked every member (征求意见); five answered in the system and one at the month's
meeting (entered by the secretary), and the six suggestions drawn from them were handled — three
adopted, two partly, one not (with the reason) — each answered ten days after it was raised,
within the default 30 days, so the overdue rule stays quiet."""

from __future__ import annotations

from datetime import date, timedelta

from zhibu.core.models import Organisation
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from . import selectors
from .models import Answer, Consultation, Status, Suggestion, VoiceSettings

SCHOOL = "yucai"
OPENS, CLOSES = date(2023, 3, 1), date(2023, 3, 31)
S = Status
# (who, day, what they answered; the suggestion drawn from it: topic, status, response, reason)
ANSWERS = [
    (
        "刘丹",
        3,
        "建议向一线班主任倾斜，班主任津贴单列。",
        "班主任津贴",
        S.ADOPTED,
        "方案已将班主任津贴单列，并提高标准。",
        "",
    ),
    ("苑蓉晖", 6, "包教工作量应计入绩效。", "包教工作量", S.ADOPTED, "包教工作按每生每月计入工作量。", ""),
    ("孙宁", 9, "希望公开考核细则。", "考核公开", S.ADOPTED, "考核细则在校务公开栏公示一周。", ""),
    ("王春华", 13, "建议取消按职称的差额。", "职称差额", S.PARTLY, "差额保留但缩小一半。", ""),
    (
        "李建国",
        15,
        "退休前一年不参加考核。",
        "临退考核",
        S.REJECTED,
        "已答复本人并作说明。",
        "上级文件要求全员参加考核，学校不能单独免除。",
    ),
    ("赵丽娟", 20, "建议增加校本教研的分值。", "校本教研", S.PARTLY, "校本教研分值由5分提高到8分。", ""),
]
RESPONDER = "张文华"


@demo.register("voice", order=48)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in people_selectors.people_of(org)}
    if any(name not in people for name, *_rest in ANSWERS) or RESPONDER not in people:
        return "跳过：演示学校人员不全"
    consultation = Consultation.objects.create(
        organisation=org,
        title="学校绩效工资分配方案（征求意见稿）",
        question="学校拟于4月实行新的绩效工资分配方案，请对分配比例、考核办法提出意见和建议。",
        opens_on=OPENS,
        closes_on=CLOSES,
    )
    consultation.asked.set(list(selectors.members_choices(org, OPENS)))
    meeting = next(
        (m for m in selectors.meeting_choices(org) if OPENS <= selectors.meeting_day(m) <= CLOSES), None
    )
    days = VoiceSettings.DEFAULT_DAYS
    for index, (name, day, text, topic, status, response, reason) in enumerate(ANSWERS):
        said = OPENS + timedelta(days=day - 1)
        at_meeting = meeting is not None and index == len(ANSWERS) - 1
        Answer.objects.create(
            organisation=org,
            consultation=consultation,
            person=people[name],
            text=text,
            answered_on=selectors.meeting_day(meeting) if at_meeting else said,
            meeting=meeting if at_meeting else None,
            entered_by=people[RESPONDER] if at_meeting else None,
        )
        answered = status not in (S.PENDING, S.IN_PROGRESS)
        Suggestion.objects.create(
            organisation=org,
            received_on=said,
            consultation=consultation,
            author=people[name],
            topic=topic,
            content=text,
            status=status,
            response=response,
            reason=reason,
            responder=people[RESPONDER] if answered else None,
            answered_on=said + timedelta(days=10) if answered else None,
            due_on=said + timedelta(days=days),
        )
    return f"{org.name}：征求意见1次，回复{len(ANSWERS)}条，意见建议{len(ANSWERS)}条"
