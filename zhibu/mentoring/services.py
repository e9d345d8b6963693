"""Every write to the mentoring ledger: validated, audited, atomic. Reads of case content are
audited here too (record_read), one entry per page the reader opens."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, uploads, writes
from zhibu.core.models import Organisation, Person, User
from zhibu.core.versioning import update_versioned
from zhibu.people.selectors import members_on

from . import access
from .audit_actions import MentoringAction
from .models import (
    CaseAccessGrant,
    CaseReview,
    Dimension,
    LogAttachment,
    MentoringCase,
    MentoringLog,
    MentoringSettings,
    Outcome,
    Scheme,
    SeminarLink,
    Student,
    StudentKind,
)
from .selectors import active_in, settings_for

if TYPE_CHECKING:
    from zhibu.meetings.models import Meeting

PLAN_FIELDS = tuple(f"plan_{value}" for value in Dimension.values)
STUDENT_FIELDS = ("name", "class_name", "gender", "birth_year", "enrolled_on", "left_on", "guardian_contact")
SETTINGS_FIELDS = ("default_scheme", "guardian_contact_enabled", "retention_years")
GRANT_MAX_DAYS = 366


def pseudonym_for(sequence: int) -> str:
    """学生A01…学生A99, then 学生B01…: short, stable, and reveals nothing about the student."""
    block, number = divmod(sequence - 1, 99)
    return f"学生{chr(ord('A') + block)}{number + 1:02d}"


# -- settings -----------------------------------------------------------------------------------
@writes.service
def settings_update(*, actor: User, organisation: Organisation, data: dict[str, Any]) -> MentoringSettings:
    policy.require(actor, access.MANAGE, organisation)
    current = settings_for(organisation)
    if not 1 <= int(data.get("retention_years") or 0) <= 30:
        raise ValidationError({"retention_years": _("保留年限应在1至30年之间。")})
    before = audit.snapshot(current) if current.pk else None
    if current.pk:
        version = data.get("version")
        fields = {k: data[k] for k in SETTINGS_FIELDS}
        current = update_versioned(current, version, **fields)
    else:
        current = MentoringSettings(organisation=organisation, **{k: data[k] for k in SETTINGS_FIELDS})
        current.full_clean()
        current.save()
    audit.record(
        actor, MentoringAction.SETTINGS_CHANGED, current, before=before, after=audit.snapshot(current)
    )
    return current


# -- students -----------------------------------------------------------------------------------
def _clean_student(organisation: Organisation, data: dict[str, Any], existing: Student | None) -> dict:
    data = {k: data.get(k) for k in STUDENT_FIELDS if k in data}
    data["name"] = (data.get("name") or "").strip()
    if not data["name"]:
        raise ValidationError({"name": _("请填写学生姓名。")})
    data["class_name"] = (data.get("class_name") or "").strip()
    if not data["class_name"]:
        raise ValidationError({"class_name": _("请填写学生所在班级。")})
    contact = (data.get("guardian_contact") or "").strip()
    if contact and not settings_for(organisation).guardian_contact_enabled:
        raise ValidationError(
            {"guardian_contact": _("本支部未开启登记监护人联系方式，请留空（可由书记在包教设置中开启）。")}
        )
    data["guardian_contact"] = contact
    year = data.get("birth_year")
    this_year = timezone.localdate().year
    if year is not None and not this_year - 25 <= year <= this_year - 3:
        raise ValidationError({"birth_year": _("出生年份 %(y)s 不合理，请核对。") % {"y": year}})
    enrolled, left = data.get("enrolled_on"), data.get("left_on")
    if enrolled and left and left < enrolled:
        raise ValidationError({"left_on": _("离校日期不能早于入学日期。")})
    if existing and existing.anonymised_at:
        raise ValidationError(_("该学生信息已按保留期限匿名化，不能再修改。"))
    return data


@writes.service
def student_create(*, actor: User, organisation: Organisation, data: dict[str, Any]) -> Student:
    policy.require(actor, access.MANAGE, organisation)
    clean = _clean_student(organisation, data, None)
    # Lock the branch row so two secretaries adding students at once get distinct sequences.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    last = Student.objects.filter(organisation=organisation).aggregate(m=Max("sequence"))["m"] or 0
    student = Student(
        organisation=organisation, sequence=last + 1, pseudonym=pseudonym_for(last + 1), **clean
    )
    writes.model_create(student, actor=actor, action=MentoringAction.STUDENT_CREATED)
    return student


@writes.service
def student_update(*, actor: User, student: Student, version: int | None, data: dict[str, Any]) -> Student:
    policy.require(actor, access.MANAGE, student)
    clean = _clean_student(student.organisation, data, student)
    student = writes.model_update(
        student, actor=actor, action=MentoringAction.STUDENT_CHANGED, version=version, fields=clean
    )
    return student


# -- cases --------------------------------------------------------------------------------------
def _check_mentor(organisation: Organisation, mentor: Person, on: date) -> None:
    if mentor.organisation_id != organisation.pk:
        raise ValidationError(
            {"mentor": _("%(name)s 不是本支部的党员，不能担任包教党员。") % {"name": mentor.name}}
        )
    if not members_on(organisation, on).filter(pk=mentor.pk).exists():
        raise ValidationError(
            {
                "mentor": _("%(name)s 在 %(day)s 不是党员（正式或预备），不能担任包教党员。")
                % {"name": mentor.name, "day": on.isoformat()}
            }
        )


@writes.service
def case_create(
    *,
    actor: User,
    organisation: Organisation,
    student: Student,
    mentor: Person,
    started_on: date,
    scheme: str | None = None,
    student_kind: str = "",
) -> MentoringCase:
    policy.require(actor, access.MANAGE, organisation)
    scheme = scheme or settings_for(organisation).default_scheme
    if scheme not in Scheme.values:
        raise ValidationError({"scheme": _("未知的帮教形式。")})
    if student_kind and student_kind not in StudentKind.values:
        raise ValidationError({"student_kind": _("未知的帮教对象类别。")})
    if student.organisation_id != organisation.pk:
        raise ValidationError({"student": _("该学生不属于本支部。")})
    if student.anonymised_at or (student.left_on and student.left_on <= started_on):
        raise ValidationError({"student": _("%(p)s 已离校，不能新建帮教记录。") % {"p": student.pseudonym}})
    _check_mentor(organisation, mentor, started_on)
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("开始日期不能晚于今天。")})
    open_cases = active_in(MentoringCase.objects.filter(student=student, scheme=scheme), started_on, date.max)
    if open_cases.exists():
        raise ValidationError(
            {
                "student": _("%(p)s 已有一条进行中的%(s)s记录，请先结束原记录再新建。")
                % {"p": student.pseudonym, "s": Scheme(scheme).label}
            }
        )
    case = MentoringCase(
        organisation=organisation,
        student=student,
        mentor=mentor,
        started_on=started_on,
        scheme=scheme,
        student_kind=student_kind,
    )
    case.full_clean(exclude=["student"])
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:  # a concurrent create won the race on the open-case constraint
        raise ValidationError({"student": _("该学生已有进行中的同类帮教记录。")}) from None
    audit.record(actor, MentoringAction.CASE_CREATED, case, after=audit.snapshot(case))
    return case


@writes.service
def case_plan_update(
    *, actor: User, case: MentoringCase, version: int | None, plan: dict[str, str]
) -> MentoringCase:
    policy.require(actor, access.EDIT, case)
    fields = {name: (plan.get(name) or "").strip() for name in PLAN_FIELDS}
    if not any(fields.values()):
        raise ValidationError(_("包教方案至少要写一个方面的目标与措施。"))
    case = writes.model_update(
        case, actor=actor, action=MentoringAction.PLAN_CHANGED, version=version, fields=fields
    )
    return case


@writes.service
def case_outcome_update(
    *,
    actor: User,
    case: MentoringCase,
    version: int | None,
    outcome: str,
    outcome_on: date | None,
    evidence: str,
    ended_on: date | None,
) -> MentoringCase:
    policy.require(actor, access.EDIT, case)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("未知的转化情况。")})
    evidence = (evidence or "").strip()
    if outcome == Outcome.TURNED and not (outcome_on and evidence):
        raise ValidationError({"evidence": _("认定“已转化”需要填写认定日期和转化依据。")})
    for name, day in (("outcome_on", outcome_on), ("ended_on", ended_on)):
        if day and day < case.started_on:
            raise ValidationError({name: _("日期不能早于帮教开始日期 %(d)s。") % {"d": case.started_on}})
        if day and day > timezone.localdate():
            raise ValidationError({name: _("日期不能晚于今天。")})
    fields = {
        "outcome": outcome,
        "outcome_on": outcome_on,
        "outcome_evidence": evidence,
        "ended_on": ended_on,
    }
    return writes.model_update(
        case, actor=actor, action=MentoringAction.OUTCOME_CHANGED, version=version, fields=fields
    )


def _check_attachment(upload) -> str:
    """The stored content type, detected from the bytes; refuses too big or unexpected files."""
    try:
        return uploads.check_upload(upload, accept=uploads.SCANS).content_type
    except ValidationError as exc:
        raise ValidationError({"attachment": exc.messages}) from exc


def clean_log_fields(case: MentoringCase, *, on: date, dimension: str, text: str, observation: str) -> dict:
    """A log's own fields, checked against its case: shared by log_create and log_edits.log_update."""
    text, observation = (text or "").strip(), (observation or "").strip()
    if dimension not in Dimension.values:
        raise ValidationError({"dimension": _("请选择思想、学习、生活或心理行为之一。")})
    if not text:
        raise ValidationError({"text": _("请填写做了什么。")})
    if on is None:
        raise ValidationError({"on": _("请填写日志日期。")})
    if on < case.started_on:
        raise ValidationError(
            {"on": _("日志日期 %(d)s 早于帮教开始日期 %(s)s。") % {"d": on, "s": case.started_on}}
        )
    if case.ended_on and on > case.ended_on:
        raise ValidationError({"on": _("日志日期晚于帮教结束日期 %(e)s。") % {"e": case.ended_on}})
    if on > timezone.localdate():
        raise ValidationError({"on": _("日志日期不能晚于今天。")})
    return {"on": on, "dimension": dimension, "text": text, "observation": observation}


@writes.service
def log_create(
    *,
    actor: User,
    case: MentoringCase,
    on: date,
    dimension: str,
    text: str,
    observation: str = "",
    attachment=None,
) -> MentoringLog:
    policy.require(actor, access.EDIT, case)
    content_type = _check_attachment(attachment) if attachment else ""
    fields = clean_log_fields(case, on=on, dimension=dimension, text=text, observation=observation)
    log = MentoringLog(case=case, organisation_id=case.organisation_id, author=actor, **fields)
    log.full_clean(exclude=["case", "author"])
    log.save()
    if attachment:
        LogAttachment.objects.create(
            log=log,
            organisation_id=case.organisation_id,
            filename=Path(attachment.name).name,
            content_type=content_type,
            size=attachment.size,
            content=base64.b64encode(attachment.read()).decode(),
        )
    audit.record(actor, MentoringAction.LOG_CREATED, log, after=audit.snapshot(log), object_repr=str(case))
    return log


# -- monthly review -----------------------------------------------------------------------------
@writes.service
def review_save(*, actor: User, case: MentoringCase, month: date, reviewed: bool, remark: str) -> CaseReview:
    policy.require(actor, access.REVIEW, case)
    month = month.replace(day=1)
    today = timezone.localdate()
    if month > today:
        raise ValidationError({"month": _("不能检查尚未到来的月份。")})
    next_month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    case_in_month = active_in(MentoringCase.objects.filter(pk=case.pk), month, next_month - timedelta(days=1))
    if not case_in_month.exists():
        raise ValidationError({"month": _("该记录在 %(m)s 不在帮教期内。") % {"m": f"{month:%Y-%m}"}})
    remark = (remark or "").strip()
    if not reviewed and not remark:
        raise ValidationError({"remark": _("未通过检查时请写明原因。")})
    existing = CaseReview.objects.filter(case=case, month=month).first()
    before = audit.snapshot(existing) if existing else None
    review, _created = CaseReview.objects.update_or_create(
        case=case,
        month=month,
        defaults={
            "organisation_id": case.organisation_id,
            "reviewer": actor,
            "reviewed": reviewed,
            "remark": remark,
        },
    )
    audit.record(actor, MentoringAction.REVIEW_SAVED, review, before=before, after=audit.snapshot(review))
    return review


# -- access grants ------------------------------------------------------------------------------
@writes.service
def grant_create(
    *, actor: User, case: MentoringCase, user: User, reason: str, ends_on: date
) -> CaseAccessGrant:
    policy.require(actor, access.MANAGE, case)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请写明授权查阅的理由。")})
    today = timezone.localdate()
    if ends_on < today:
        raise ValidationError({"ends_on": _("有效期不能早于今天。")})
    if (ends_on - today).days > GRANT_MAX_DAYS:
        raise ValidationError({"ends_on": _("授权有效期最长一年，到期后可重新授权。")})
    if not policy.has_perm(user, access.VIEW, case.organisation):
        raise ValidationError({"user": _("只能授权给本支部的党员或支委。")})
    grant = writes.model_create(
        CaseAccessGrant(
            case=case,
            organisation_id=case.organisation_id,
            user=user,
            reason=reason,
            ends_on=ends_on,
            granted_by=actor,
        ),
        actor=actor,
        action=MentoringAction.GRANT_CREATED,
    )
    return grant


@writes.service
def grant_revoke(*, actor: User, grant: CaseAccessGrant) -> CaseAccessGrant:
    policy.require(actor, access.MANAGE, grant)
    if grant.revoked_at:
        return grant
    return writes.model_change(
        grant, actor=actor, action=MentoringAction.GRANT_REVOKED, fields={"revoked_at": timezone.now()}
    )


# -- seminars -----------------------------------------------------------------------------------
@writes.service
def seminar_link(*, actor: User, case: MentoringCase, meeting: Meeting) -> SeminarLink:
    policy.require(actor, access.MANAGE, case)
    if meeting.organisation_id != case.organisation_id:
        raise ValidationError({"meeting": _("只能关联本支部的会议。")})
    link, created = SeminarLink.objects.get_or_create(
        case=case, meeting=meeting, defaults={"organisation_id": case.organisation_id}
    )
    if created:
        audit.record(actor, MentoringAction.SEMINAR_LINKED, link, after=audit.snapshot(link))
    return link


# -- reads --------------------------------------------------------------------------------------
def record_read(*, actor: User, case: MentoringCase, what: str) -> None:
    """One audit entry per read of a case's content (detail page, log page, form showing it)."""
    audit.record(actor, MentoringAction.CASE_READ, case, after={"what": what})
