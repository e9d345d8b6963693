"""Services: what they write and audit, and what they refuse (a Chinese message naming the field,
nothing written)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory
from zhibu.core.versioning import StaleEdit
from zhibu.honours.models import CompetitionRound, Honour, Participant
from zhibu.honours.services.competitions import participant_update, round_create, round_update
from zhibu.honours.services.honours import honour_create, honour_update

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory
from .helpers import PDF, PNG


def _honour(world, **over):
    data = {
        "actor": world.secretary,
        "organisation": world.branch,
        "title": "局优秀共产党员",
        "kind": "excellent_member",
        "level": "bureau",
        "issuer": "XX市教育体育局党委",
        "awarded_on": date(2023, 6, 28),
        "recipient": "person",
        "person": world.people["member"],
        "occasion": "2023年“两先一优”评比",
    }
    return honour_create(**{**data, **over})


def _refused(field, text, call):
    with pytest.raises(ValidationError) as exc:
        call()
    assert field in exc.value.message_dict, exc.value.message_dict
    assert text in " ".join(exc.value.message_dict[field])


def test_honour_is_written_and_audited_with_its_certificate(world):
    h = _honour(world, attachment=SimpleUploadedFile("证书.pdf", PDF))
    assert h.person == world.people["member"] and h.attachment_type == "application/pdf"
    assert h.attachment_name == "证书.pdf" and h.attachment.name.startswith(f"honours/{world.branch.pk}/")
    assert h.attachment.read() == PDF
    assert AuditEntry.objects.filter(action="honours.honour.created", object_id=str(h.pk)).exists()


def test_branch_honour_names_no_person(world):
    h = _honour(world, title="局先进党支部", kind="advanced_branch", recipient="branch", person=None)
    assert h.person is None and h.get_recipient_display() == "党支部"


@pytest.mark.parametrize(
    ("over", "field", "text"),
    [
        ({"title": " "}, "title", "请填写荣誉名称"),
        ({"title": "荣" * 101}, "title", "荣誉名称不能超过100个字"),
        ({"level": "galaxy"}, "level", "请选择级别"),
        ({"kind": ""}, "kind", "请选择荣誉类别"),
        ({"issuer": ""}, "issuer", "请填写颁发单位"),
        ({"awarded_on": None}, "awarded_on", "请填写获得日期"),
        ({"awarded_on": date.today() + timedelta(days=3)}, "awarded_on", "不能晚于今天"),
        ({"person": None}, "person", "个人荣誉请选择获奖人"),
        ({"recipient": "school"}, "person", "学校的荣誉不填获奖人"),
        ({"attachment": SimpleUploadedFile("证书.png", b"not a png at all")}, "attachment", "不是有效的图片"),
        ({"attachment": SimpleUploadedFile("证书.exe", b"MZ\x90\x00")}, "attachment", "格式不受支持"),
    ],
)
def test_bad_honour_is_refused_and_nothing_written(world, over, field, text):
    _refused(field, text, lambda: _honour(world, **over))
    assert Honour.objects.count() == 0


def test_person_of_another_branch_is_refused(world):
    stranger = world.people["other_member"]
    _refused("person", "黄海燕不是本支部人员", lambda: _honour(world, person=stranger))
    assert Honour.objects.count() == 0


def test_wrong_role_and_other_branch(world):
    with pytest.raises(PermissionDenied):
        _honour(world, actor=world.member)
    with pytest.raises(Http404):
        _honour(world, actor=world.outsider)
    assert Honour.objects.count() == 0


def test_update_keeps_the_certificate_and_refuses_a_stale_version(world):
    h = _honour(world, attachment=SimpleUploadedFile("证书.png", PNG))
    kept = h.attachment.name
    data = {
        "title": "局优秀共产党员",
        "kind": "excellent_member",
        "level": "bureau",
        "issuer": "局党委",
        "awarded_on": date(2023, 6, 29),
        "recipient": "person",
        "person": world.people["committee"],
    }
    honour_update(actor=world.committee, honour=h, version=h.version, **data)
    h.refresh_from_db()
    assert h.person == world.people["committee"] and h.issuer == "局党委" and h.attachment.name == kept
    with pytest.raises(StaleEdit):
        honour_update(actor=world.secretary, honour=Honour.objects.get(), version=h.version - 1, **data)


def test_round_with_participants_members_and_teachers(world):
    teacher = PersonFactory(organisation=world.branch, name="石磊", party_status="none")
    r = round_create(
        actor=world.secretary,
        organisation=world.branch,
        title="党员示范课评比",
        kind="lesson",
        held_on=date(2022, 11, 16),
        organiser="教务处",
        participants=[world.people["member"], teacher],
    )
    assert set(r.participants.values_list("person__name", flat=True)) == {"刘丹", "石磊"}
    entry = AuditEntry.objects.get(action="honours.round.created")
    assert sorted(entry.after["participants"]) == sorted([world.people["member"].pk, teacher.pk])
    round_update(
        actor=world.secretary,
        competition=r,
        version=r.version,
        title="党员示范课评比",
        kind="lesson",
        held_on=date(2022, 11, 16),
        participants=[teacher],
    )
    assert list(r.participants.values_list("person__name", flat=True)) == ["石磊"]


@pytest.mark.parametrize(
    ("over", "field", "text"),
    [
        ({"title": ""}, "title", "请填写评比名称"),
        ({"kind": "tea"}, "kind", "请选择评比类别"),
        ({"held_on": timezone.localdate() + timedelta(days=1)}, "held_on", "评比日期"),
    ],
)
def test_bad_round_is_refused_and_nothing_written(world, over, field, text):
    data = {"title": "优质课评比", "kind": "lesson", "held_on": date(2022, 4, 20), "participants": []}
    _refused(
        field,
        text,
        lambda: round_create(actor=world.secretary, organisation=world.branch, **{**data, **over}),
    )
    assert CompetitionRound.objects.count() == 0


def test_participant_from_another_branch_is_refused(world):
    def call():
        round_create(
            actor=world.secretary,
            organisation=world.branch,
            title="优质课评比",
            kind="lesson",
            held_on=date(2022, 4, 20),
            participants=[world.people["member"], world.people["other_member"]],
        )

    _refused("participants", "黄海燕不是本支部人员", call)
    assert CompetitionRound.objects.count() == 0 and Participant.objects.count() == 0


def test_participant_result_and_award(world):
    p = ParticipantFactory(
        round=CompetitionRoundFactory(organisation=world.branch), person=world.people["member"]
    )
    participant_update(
        actor=world.committee, participant=p, entry="《背影》导学案", result="一等奖", award="first"
    )
    p.refresh_from_db()
    assert p.award == "first" and p.entry == "《背影》导学案"
    _refused(
        "award",
        "请选择获奖等次",
        lambda: participant_update(actor=world.committee, participant=p, entry="", result="", award="gold"),
    )
    with pytest.raises(PermissionDenied):
        participant_update(actor=world.member, participant=p, entry="", result="", award="")
    p.refresh_from_db()
    assert p.award == "first"


def test_honour_factory_builds_a_unit_honour_too(world):
    h = HonourFactory(organisation=world.branch, recipient="school", person=None, kind="advanced_unit")
    assert str(h).endswith("学校：局优秀共产党员")
