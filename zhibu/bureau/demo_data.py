"""Demo: two notices from the bureau, one overdue at 实验小学 and 二十中 (育才 and 十四中 relayed it),
one still ahead. (The branches' monthly summaries are reports' demo: `reports.punctuality`.)"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from zhibu.core.models import Organisation, User
from zhibu.core.registries import demo

from .models import Notice, NoticeReceipt


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _notices(bureau: Organisation, actor: User, today: date) -> None:
    relay = Notice.objects.create(
        organisation=bureau,
        title="传达学习《关于进一步加强中小学师德师风建设的意见》",
        body="各党支部召开党员大会集中传达学习，结合本校实际开展师德师风专题讨论，传达情况在系统中登记。",
        kind=Notice.Kind.RELAY,
        due_on=today - timedelta(days=12),
        issued_by=actor,
    )
    Notice.objects.filter(pk=relay.pk).update(created_at=_moment(today - timedelta(days=40)))
    for code, days_before in (("yucai", 20), ("school-14", 25)):
        branch = Organisation.objects.filter(code=code).first()
        if branch is not None:
            NoticeReceipt.objects.create(
                notice=relay,
                organisation=branch,
                done_on=relay.due_on - timedelta(days=days_before - 12),
                note="支部党员大会集中传达学习，并开展专题讨论",
                recorded_by=actor,
            )
    Notice.objects.create(
        organisation=bureau,
        title="报送本年度党支部工作总结",
        body="各党支部对照年初计划总结全年工作，经支委会讨论后报送局党委组织科。",
        kind=Notice.Kind.SUBMIT,
        due_on=today + timedelta(days=25),
        issued_by=actor,
    )


@demo.register("bureau", order=95)
def load() -> str:
    actor = User.objects.get(username="bureau")
    bureau = actor.grants.get(role="bureau").organisation
    today = timezone.localdate()
    _notices(bureau, actor, today)
    return "通知2项"
