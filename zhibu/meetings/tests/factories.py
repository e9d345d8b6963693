"""factory_boy factories for the meetings ledger, with Chinese data. Rows are written directly:
test setup arranges data, the services are what the tests exercise."""

from __future__ import annotations

from datetime import date, datetime

import factory
from django.utils import timezone

from zhibu.core.testing import png_bytes
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory, UserFactory
from zhibu.meetings.models import Attachment, Attendance, CadenceRule, Meeting, MeetingType, MeetingVote

BRANCH_TYPES = ["包教工作座谈会", "读书分享会", "师德师风专题会", "党员志愿服务总结会"]
TOPICS = [
    "学习贯彻党的二十大精神",
    "研究部署本月党建工作",
    "学习《中国共产党支部工作条例（试行）》",
    "重温入党誓词",
    "讨论发展党员工作",
]
PHOTO = png_bytes()


def global_type(code: str) -> MeetingType:
    """One of the seeded 三会一课 types (general_meeting, committee_meeting, party_lecture…)."""
    return MeetingType.objects.get(code=code, organisation__isnull=True)


class MeetingTypeFactory(factory.django.DjangoModelFactory):
    """A branch's own kind of meeting (the global types are seeded by a migration)."""

    class Meta:
        model = MeetingType

    code = factory.Sequence(lambda n: f"x-branch-type-{n}")
    name = factory.Sequence(lambda n: BRANCH_TYPES[n % len(BRANCH_TYPES)])
    organisation = factory.SubFactory(OrganisationFactory)
    order = 500
    allows_non_members = False


class MeetingFactory(factory.django.DjangoModelFactory):
    """A held meeting. `types` takes MeetingTypes or seeded codes (default: 支部党员大会; pass
    `types=()` for none); `attendees` takes people, each written as present."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    topic = factory.Sequence(lambda n: TOPICS[n % len(TOPICS)])
    held_at = factory.LazyFunction(lambda: timezone.make_aware(datetime(2023, 3, 8, 15, 30)))
    place = "党员活动室"
    held = True
    minutes = "书记传达上级会议精神，党员逐一发言。"
    decisions = ""

    @factory.post_generation
    def types(obj, create, extracted, **kwargs):
        if not create:
            return
        chosen = ("general_meeting",) if extracted is None else extracted
        obj.types.set([global_type(t) if isinstance(t, str) else t for t in chosen])

    @factory.post_generation
    def attendees(obj, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                AttendanceFactory(meeting=obj, organisation=obj.organisation, person=person)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SelfAttribute("meeting.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    status = Attendance.Status.PRESENT
    reason = ""
    is_guest = False


class MeetingVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingVote

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SelfAttribute("meeting.organisation")
    subject = "评选优秀共产党员"
    approve = 3
    oppose = 0
    abstain = 0


class AttachmentFactory(factory.django.DjangoModelFactory):
    """A photo of the meeting, stored under MEDIA_ROOT (a throwaway directory in tests)."""

    class Meta:
        model = Attachment

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SelfAttribute("meeting.organisation")
    kind = Attachment.Kind.IMAGE
    file = factory.django.FileField(filename="活动照片.png", data=PHOTO)
    original_name = "活动照片.png"
    content_type = "image/png"
    size = len(PHOTO)
    caption = "全体党员合影"
    uploaded_by = factory.SubFactory(UserFactory)


class CadenceRuleFactory(factory.django.DjangoModelFactory):
    """A branch's own rule for its own type (the default rules are seeded by a migration)."""

    class Meta:
        model = CadenceRule

    meeting_type = factory.SubFactory(MeetingTypeFactory)
    organisation = factory.SelfAttribute("meeting_type.organisation")
    org_kind = "branch"
    every = CadenceRule.Every.QUARTER
    times = 1
    term_time_only = False
    effective_from = date(2023, 1, 1)
    effective_to = None
    basis = "局党委关于规范支部组织生活的通知"
