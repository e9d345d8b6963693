"""The disclosure services: drafting, the publish window, publishing and withdrawing (audited),
what may never be published (a mentored student, an ID-card or phone number, a sensitive source),
objections inside the 公示 period only, and answers. Every refusal names the field and writes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import publishable
from zhibu.disclosure.models import Notice, Objection, Status
from zhibu.disclosure.services import notices as services
from zhibu.disclosure.services import objections as objection_services
from zhibu.mentoring.tests.factories import make_case, make_student

from . import helpers

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _create(world, **kwargs):
    data = {"kind": "plan", "title": "党支部工作计划", "body": "加强理论学习。", "publish_from": TODAY()}
    return services.notice_create(actor=world.secretary, organisation=world.branch, **{**data, **kwargs})


def _message(exc: pytest.ExceptionInfo, field: str) -> str:
    return " ".join(exc.value.message_dict[field])


def test_draft_publish_and_withdraw_are_audited(world):
    notice = _create(world)
    assert notice.status == Status.DRAFT
    notice = services.notice_publish(actor=world.secretary, notice=notice, version=notice.version)
    assert notice.status == Status.PUBLISHED and notice.published_on == TODAY()
    notice = services.notice_withdraw(
        actor=world.secretary, notice=notice, version=notice.version, reason="有误"
    )
    assert notice.status == Status.WITHDRAWN and notice.withdraw_reason == "有误"
    actions = list(
        AuditEntry.objects.filter(object_type="disclosure.notice")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "disclosure.notice.created",
        "disclosure.notice.published",
        "disclosure.notice.withdrawn",
    ]


def test_committee_drafts_but_only_the_secretary_publishes(world):
    notice = services.notice_create(
        actor=world.committee, organisation=world.branch, kind="plan", title="计划", publish_from=TODAY()
    )
    with pytest.raises(PermissionDenied):
        services.notice_publish(actor=world.committee, notice=notice, version=notice.version)
    with pytest.raises(PermissionDenied):
        _create(type("W", (), {"secretary": world.member, "branch": world.branch})())
    assert Notice.objects.get().status == Status.DRAFT


def test_window_ending_before_it_starts_is_refused_and_nothing_written(world):
    with pytest.raises(ValidationError) as exc:
        _create(world, publish_from=date(2023, 6, 20), publish_until=date(2023, 6, 19))
    assert "公开截止日期（2023年6月19日）不能早于公开起始日期（2023年6月20日）" in _message(
        exc, "publish_until"
    )
    assert not Notice.objects.exists()


def test_a_notice_needs_its_period_to_be_published(world):
    notice = _create(world, kind="notice", publish_until=None)
    with pytest.raises(ValidationError) as exc:
        services.notice_publish(actor=world.secretary, notice=notice, version=notice.version)
    assert "公示须填写公示截止日期" in _message(exc, "publish_until")
    notice.refresh_from_db()
    assert notice.status == Status.DRAFT


def test_text_naming_a_mentored_student_is_refused(world):
    student = make_student(world.branch, name="王小川")
    make_case(world.people["member"], student=student)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        _create(world, body="表扬王小川同学进步明显。")
    assert "正文涉及包教学生的信息" in _message(exc, "body")
    with pytest.raises(ValidationError) as exc:
        _create(world, title=f"{student.pseudonym}的帮扶情况")
    assert "标题涉及包教学生的信息" in _message(exc, "title")
    assert not Notice.objects.exists() and AuditEntry.objects.count() == before


def test_another_branchs_student_does_not_block(world):
    make_case(world.people["outsider"], student=make_student(world.other_branch, name="李思琪"))
    assert _create(world, body="李思琪").pk


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("联系人身份证11010519491231002X", "身份证号码"),
        ("旧证号110105491231002", "身份证号码"),
        ("请拨打138 0013 8000咨询", "电话号码"),
        ("办公室0571-87654321", "电话号码"),
    ],
)
def test_id_card_and_phone_numbers_are_refused(world, text, what):
    with pytest.raises(ValidationError) as exc:
        _create(world, body=text)
    assert f"正文中含有{what}" in _message(exc, "body")
    assert not Notice.objects.exists()


def test_dates_and_counts_are_not_mistaken_for_numbers(world):
    assert _create(world, body="2023年6月20日至26日公示，共推荐2名同志，经费12000元。").pk


def test_publish_checks_again_what_is_stored(world):
    """A row written around the services (an import, an old version) is checked at publish too."""
    notice = helpers.draft(world.branch, body="电话13800138000")
    with pytest.raises(ValidationError):
        services.notice_publish(actor=world.secretary, notice=notice, version=notice.version)
    notice.refresh_from_db()
    assert notice.status == Status.DRAFT


def test_published_items_cannot_be_edited(world):
    notice = helpers.notice(world.branch)
    with pytest.raises(ValidationError, match="请先撤回"):
        services.notice_update(
            actor=world.secretary, notice=notice, version=notice.version, kind="plan", title="改", body=""
        )


@pytest.fixture
def sources():
    saved = dict(publishable._SOURCES)

    @publishable.register("test.plans", label="测试台账", perm="meetings.view", kind="implementation")
    def plans(org, period):
        return [
            publishable.Draft(
                title=f"{period.label}工作落实情况", body="召开支部党员大会3次。", kind="", source="t:1"
            )
        ]

    @publishable.register(
        "test.secret", label="敏感台账", perm="meetings.view", kind="notice", sensitive=True
    )
    def secret(org, period):
        return [publishable.Draft(title="不应公开", body="", kind="notice")]

    yield
    publishable._SOURCES.clear()
    publishable._SOURCES.update(saved)


def test_a_draft_from_a_ledger_source(world, sources):
    notice = services.notice_from_source(
        actor=world.committee,
        organisation=world.branch,
        source_code="test.plans",
        period=Period.year(2023),
        index=0,
    )
    assert (notice.kind, notice.status, notice.source_code, notice.source_ref) == (
        "implementation",
        Status.DRAFT,
        "test.plans",
        "t:1",
    )
    assert notice.title == "2023年工作落实情况"


def test_a_sensitive_source_is_refused(world, sources):
    with pytest.raises(ValidationError, match="敏感台账"):
        services.notice_from_source(
            actor=world.secretary,
            organisation=world.branch,
            source_code="test.secret",
            period=Period.year(2023),
            index=0,
        )
    assert not Notice.objects.exists()
    notice = helpers.draft(world.branch, source_code="test.secret")
    with pytest.raises(ValidationError, match="涉及敏感信息"):
        services.notice_publish(actor=world.secretary, notice=notice, version=notice.version)


def test_objection_inside_the_period_then_answered(world):
    notice = helpers.open_notice(world.branch)
    objection = objection_services.objection_submit(
        actor=None, notice=notice, name="王老师", contact="学校办公室", text="建议公示事迹。"
    )
    assert objection.received_on == TODAY()
    objection = objection_services.objection_answer(
        actor=world.secretary,
        objection=objection,
        version=objection.version,
        answer="已补充。",
        answered_on=TODAY(),
    )
    assert objection.answered_by == world.secretary
    with pytest.raises(PermissionDenied):
        objection_services.objection_answer(
            actor=world.committee,
            objection=objection,
            version=objection.version,
            answer="x",
            answered_on=TODAY(),
        )


def test_objection_after_the_period_is_refused_and_nothing_written(world):
    notice = helpers.notice(
        world.branch,
        kind="notice",
        publish_from=TODAY() - timedelta(days=9),
        publish_until=TODAY() - timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="公示期已于.*结束，不再受理异议"):
        objection_services.objection_submit(actor=None, notice=notice, name="王", contact="x", text="异议")
    assert not Objection.objects.exists()


def test_objection_to_a_plan_or_a_draft_is_refused(world):
    for notice in (helpers.notice(world.branch), helpers.draft(world.branch, kind="notice")):
        with pytest.raises(ValidationError):
            objection_services.objection_submit(
                actor=None, notice=notice, name="王", contact="x", text="异议"
            )
    assert not Objection.objects.exists()


def test_objection_size_is_capped(world):
    notice = helpers.open_notice(world.branch)
    with pytest.raises(ValidationError) as exc:
        objection_services.objection_submit(
            actor=None, notice=notice, name="王", contact="x", text="长" * 1001
        )
    assert "意见内容不能超过1000个字" in _message(exc, "text")
    assert not Objection.objects.exists()


def test_answer_before_the_objection_arrived_is_refused(world):
    objection = helpers.objection(helpers.open_notice(world.branch), received=TODAY())
    with pytest.raises(ValidationError) as exc:
        objection_services.objection_answer(
            actor=world.secretary,
            objection=objection,
            version=objection.version,
            answer="已答复",
            answered_on=TODAY() - timedelta(days=1),
        )
    assert "不能早于收到日期" in _message(exc, "answered_on")
    objection.refresh_from_db()
    assert objection.answered_on is None
