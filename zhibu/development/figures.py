"""Development figures: who stands at each stage at the period's end (from the dated status history
the steps keep), the applications received and the members admitted in the period, and the
probationary members whose 预备期 has ended without 转正."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation, PartyStatus
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Step

VIEW = "development.view"


def _standing(status: str):
    def figure(org: Organisation, period: Period) -> QuerySet:
        return selectors.standing_on(org, status, period.end)

    return figure


for _code, _status, _label in (
    ("development.applicants", PartyStatus.APPLICANT, _("入党申请人")),
    ("development.activists", PartyStatus.ACTIVIST, _("入党积极分子")),
    ("development.candidates", PartyStatus.CANDIDATE, _("发展对象")),
    ("development.probationary", PartyStatus.PROBATIONARY, _("预备党员")),
):
    figures.register(_code, label=_label, unit=_("人"), flow=False, records_perm=VIEW)(_standing(_status))


@figures.register(
    "development.applications", label=_("收到入党申请书"), unit=_("份"), day="day", records_perm=VIEW
)
def applications(org: Organisation, period: Period) -> QuerySet:
    return selectors.steps_of(org, period.start, period.end, Step.APPLICATION)


@figures.register(
    "development.developed",
    label=_("支部大会接收预备党员"),
    unit=_("人"),
    day="day",
    records_perm=VIEW,
    description=_("期间内经支部大会讨论接收为预备党员的人数（发展党员）。"),
)
def developed(org: Organisation, period: Period) -> QuerySet:
    return selectors.steps_of(org, period.start, period.end, Step.ADMISSION)


@figures.register(
    "development.probationary_due",
    label=_("预备期满待转正"),
    unit=_("人"),
    flow=False,
    records_perm=VIEW,
    description=_("预备期（一年，含延长的预备期）已满、尚未讨论转正的预备党员。"),
)
def probationary_due(org: Organisation, period: Period):
    due = selectors.probation_due(org, period.end)
    return len(due), selectors.people_among(org, [p.pk for p in due])
