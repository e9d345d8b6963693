from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.reports import services, submissions
from zhibu.reports.models import Submission

TZ = timezone.get_current_timezone()


def _at(*args):
    return datetime(*args, tzinfo=TZ)


def _weekly(world, day):
    return services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="weekly", period=Period.week(day)
    )


def test_state_machine_submit_return_resubmit_receive(world):
    record = _weekly(world, date(2023, 5, 8))
    sub = submissions.submission_submit(actor=world.secretary, document=record)
    assert sub.status == "submitted" and sub.to_organisation == world.bureau_org
    with pytest.raises(ValidationError):
        submissions.submission_submit(actor=world.secretary, document=record)  # already submitted
    with pytest.raises(ValidationError) as exc:
        submissions.submission_decide(
            actor=world.bureau, submission=sub, action="return", reason=" ", version=sub.version
        )
    assert "退回原因" in " ".join(exc.value.messages)
    sub = submissions.submission_decide(
        actor=world.bureau, submission=sub, action="return", reason="数字需核对", version=sub.version
    )
    assert sub.status == "returned" and sub.reason == "数字需核对"
    with pytest.raises(ValidationError):
        submissions.submission_decide(
            actor=world.bureau, submission=sub, action="receive", version=sub.version
        )
    sub = submissions.submission_submit(actor=world.secretary, document=record)
    sub = submissions.submission_decide(
        actor=world.bureau, submission=sub, action="receive", version=sub.version
    )
    assert sub.status == "received"
    with pytest.raises(ValidationError):
        submissions.submission_submit(actor=world.secretary, document=record)


def test_only_secretary_submits_and_only_bureau_receives(world):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    record = _weekly(world, date(2023, 5, 8))
    with pytest.raises(PermissionDenied):
        submissions.submission_submit(actor=world.committee, document=record)
    sub = submissions.submission_submit(actor=world.secretary, document=record)
    with pytest.raises(PermissionDenied):
        submissions.submission_decide(
            actor=world.secretary, submission=sub, action="receive", version=sub.version
        )
    with pytest.raises(Http404):
        submissions.submission_decide(
            actor=world.outsider, submission=sub, action="receive", version=sub.version
        )


def test_deadline_validation(world):
    with pytest.raises(ValidationError):
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="weekly", weekday=9, day_of_month=None
        )
    with pytest.raises(ValidationError):
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="monthly", weekday=None, day_of_month=None
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        submissions.deadline_set(
            actor=world.secretary, organisation=world.branch, kind="weekly", weekday=4, day_of_month=None
        )


def _codes(org, period):
    return [
        (f.code, f.organisation.code)
        for f in findings.run(org, period, codes=["reports.submission_missing", "reports.submission_late"])
    ]


def test_missing_and_late_submissions_are_findings_for_branch_and_bureau(world):
    with time_machine.travel(_at(2023, 4, 28, 9), tick=False):
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="weekly", weekday=4, day_of_month=None
        )
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="monthly", weekday=None, day_of_month=5
        )
    with time_machine.travel(_at(2023, 5, 12, 18), tick=False):  # Friday of week 19: late for that week
        record = _weekly(world, date(2023, 5, 1))  # due Friday 5 May
        submissions.submission_submit(actor=world.secretary, document=record)
    may = Period.month(2023, 5)
    with time_machine.travel(_at(2023, 6, 20, 9), tick=False):
        branch = _codes(world.branch, may)
        bureau = _codes(world.bureau_org, may)
        sub = Submission.objects.get()
    assert sub.due_on == date(2023, 5, 5)
    assert ("reports.submission_late", "yucai") in branch
    # weeks of 8, 15, 22 May and the May summary (due 5 June) were never submitted
    assert branch.count(("reports.submission_missing", "yucai")) == 4
    assert ("reports.submission_missing", "school-14") in bureau and (
        "reports.submission_late",
        "yucai",
    ) in bureau
    assert ("reports.submission_missing", "school-14") not in branch


def test_deadline_does_not_bind_retroactively(world):
    with time_machine.travel(_at(2023, 6, 1, 9), tick=False):
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="weekly", weekday=4, day_of_month=None
        )
    with time_machine.travel(_at(2023, 6, 20, 9), tick=False):
        assert _codes(world.branch, Period.month(2023, 5)) == []


def test_deadlines_become_obligations_for_the_dashboard_and_next_month_plans(world):
    from zhibu.core.registries import sections
    from zhibu.reports.drafting import draft

    with time_machine.travel(_at(2023, 4, 1, 9), tick=False):
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="weekly", weekday=4, day_of_month=None
        )
        submissions.deadline_set(
            actor=world.bureau, organisation=world.bureau_org, kind="monthly", weekday=None, day_of_month=5
        )
    june = [o.text for o in sections.obligations_for(world.branch, Period.month(2023, 6))]
    assert "报送2023年5月月工作总结" in june and "报送2023年第23周周信息" in june
    monthly, _v = draft("monthly", world.branch, Period.month(2023, 5))
    plans = [p.text for p in monthly.paragraphs()]
    # the plan merges a kind's deadlines into one phrase, not one item per week
    merged = [t for t in plans if "按时向上级报送材料" in t]
    assert len(merged) == 1
    assert "次月5日前报送上月工作总结" in merged[0] and "每周五前报送周信息" in merged[0]
    assert not any("第23周" in t for t in plans)
    annual, _v = draft("annual", world.branch, Period.year(2023))
    assert any("每周五前报送周信息" in p.text for p in annual.paragraphs())
