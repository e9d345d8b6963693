"""学习要求's weekly and monthly 学时 quotas: the settings page, and 我的学习 against them."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.study.models import StudySettings

from .factories import StudySettingsFactory
from .helpers import session

URL = reverse("study:settings") + "?org=yucai"
YEARLY = {
    "books_per_term": "2",
    "member_hours": "32",
    "officer_hours": "56",
    "min_activity_kinds": "4",
    "min_attendance_rate": "60",
}


def test_secretary_sets_weekly_and_monthly_quotas(world, branch, login):
    client = login(world.secretary)
    page = client.get(URL).content.decode()
    assert "每周学习不少于（小时）" in page and "每月学习不少于（小时）" in page
    response = client.post(URL, {**YEARLY, "weekly_hours": "2", "monthly_hours": "8.5"})
    assert response.status_code == 302
    row = StudySettings.objects.get(organisation=branch)
    assert (row.weekly_hours, row.monthly_hours) == (Decimal("2"), Decimal("8.5"))
    assert AuditEntry.objects.filter(action="study.settings.created").exists()
    # Emptied again: no such quota any more.
    client.post(URL, {**YEARLY, "version": row.version, "weekly_hours": "", "monthly_hours": "8"})
    row.refresh_from_db()
    assert (row.weekly_hours, row.monthly_hours) == (None, Decimal("8"))


def test_bad_quotas_are_refused_with_the_field_named(world, branch, login):
    client = login(world.secretary)
    cases = [
        ({"weekly_hours": "-1"}, "每周学习时数不能为负数"),
        ({"monthly_hours": "-0.5"}, "每月学习时数不能为负数"),
        ({"weekly_hours": "56"}, "每周学习时数不能超过40小时"),
        ({"monthly_hours": "400"}, "每月学习时数不能超过160小时"),
        ({"min_attendance_rate": "150"}, "确保该值小于或等于100"),
        ({"min_activity_kinds": "-1"}, "确保该值大于或等于0"),
    ]
    for data, message in cases:
        response = client.post(URL, {**YEARLY, **data})
        assert response.status_code == 200 and message in response.content.decode(), message
    assert not client.post(URL, {**YEARLY, "weekly_hours": "两小时"}).context["form"].is_valid()
    assert StudySettings.objects.count() == 0


def test_settings_wrong_role_and_other_branch(world, branch, login):
    data = {**YEARLY, "weekly_hours": "2"}
    assert login(world.committee).post(URL, data).status_code == 403
    assert login(world.member).get(URL).status_code == 403
    assert login(world.outsider).post(URL, data).status_code == 404
    assert StudySettings.objects.count() == 0


def _hours_shown(content: str, label: str, quota: str, day) -> bool:
    holiday = {"本周": Period.week(day), "本月": Period.month(day.year, day.month)}[label]
    if holiday.start.month == holiday.end.month == 8:
        return f"{label}学时（暑假不计）" in content
    return f"{label}学时（不少于{quota}小时）" in content


def test_my_study_shows_this_week_and_month_against_the_quotas(world, branch, login):
    today = timezone.localdate()
    client = login(world.member)
    page = client.get(reverse("study:mine")).content.decode()
    assert "本周学时" not in page and "本月学时" not in page  # no quota, no line
    StudySettingsFactory(organisation=branch, weekly_hours=Decimal("2"), monthly_hours=Decimal("8"))
    session(branch, "tutorial", today, hours="1.5", present=[world.people["member"]])
    response = client.get(reverse("study:mine"))
    page = response.content.decode()
    assert _hours_shown(page, "本周", "2.0", today) and _hours_shown(page, "本月", "8.0", today)
    progress = {row["label"]: row for row in response.context["quota_progress"]}
    assert progress["本周"]["hours"] == progress["本月"]["hours"] == Decimal("1.5")
    assert progress["本周"]["short"] and progress["本月"]["short"]


def test_my_study_shows_only_the_quota_set(world, branch, login):
    StudySettingsFactory(organisation=branch, monthly_hours=Decimal("8"))
    response = login(world.member).get(reverse("study:mine"))
    assert [row["label"] for row in response.context["quota_progress"]] == ["本月"]
    assert "本周学时" not in response.content.decode()
