"""Class liaison findings: a class without a liaison in a term, and a liaison with no contact in a
month. Each runs a fixed number of grouped queries over the whole subtree (branches, classes,
liaisons, contacts by month), whatever the number of branches.

A term is judged once, by the period its first day falls in, and only once it has begun; a month
once it has ended. February (winter holiday) and August (summer holiday) expect no contact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.lean import month_of
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding, Ref

from .models import Liaison, LiaisonClass, LiaisonContact

findings.practice("service", label=_l("联系服务师生"), weakness=_l("联系服务师生还不够经常"), order=60)

HOLIDAY_MONTHS = {2, 8}
LIAISON_RULES = ("service.class_without_liaison", "service.liaison_no_contact")


def _terms_begun(period: Period) -> list[Period]:
    today = timezone.localdate()
    return [t for t in period.terms() if period.start <= t.start <= period.end and t.start <= today]


@findings.register(
    "service.class_without_liaison",
    label=_l("联系点班级本学期没有支委联系"),
    severity="warning",
    practice="service",
    summary=_l("%(n)s个联系点班级一学期没有支委联系"),
    measure="evidence",
)
def class_without_liaison(org: Organisation, period: Period) -> Iterator[Finding]:
    terms = _terms_begun(period)
    if not terms:
        return
    under = branches.under(org)
    if not under:
        return
    classes = list(
        LiaisonClass.objects.filter(organisation__in=under.ids, active=True).order_by("name", "pk")
    )
    linked = set(
        Liaison.objects.filter(
            organisation__in=under.ids, term_start__in=[t.start for t in terms]
        ).values_list("school_class_id", "term_start")
    )
    classes_of: dict[int, list[LiaisonClass]] = defaultdict(list)
    for c in classes:
        classes_of[c.organisation_id].append(c)
    for branch in under:
        for term in terms:
            missing = [c for c in classes_of[branch.pk] if (c.pk, term.start) not in linked]
            if missing:
                yield Finding(
                    _("%(org)s %(term)s：%(classes)s没有支委联系")
                    % {"org": branch.name, "term": term.label, "classes": "、".join(c.name for c in missing)},
                    evidence=missing,
                    organisation=branch,
                )


def _months(term: Period, period: Period, today) -> list[Period]:
    return [
        m
        for m in term.months()
        if m.start.month not in HOLIDAY_MONTHS
        and period.start <= m.start
        and m.end <= period.end
        and m.end < today
    ]


@findings.register(
    "service.liaison_no_contact",
    label=_l("班级联系人当月没有联系班级"),
    severity="info",
    practice="service",
    summary=_l("%(n)s个联系点班级有的月份没有联系记录"),
)
def liaison_no_contact(org: Organisation, period: Period) -> Iterator[Finding]:
    today = timezone.localdate()
    first = Period.term_of(period.start)
    earliest = first.start if first else period.start
    # ids and names, not instances: a city's term is thousands of liaisons, each with three
    # related rows, and a finding needs their names and the liaison's id alone
    rows = list(
        Liaison.objects.filter(organisation__in=org.subtree(), term_start__range=(earliest, period.end))
        .order_by("organisation__path", "term_start", "school_class__name", "pk")
        .values_list("pk", "organisation_id", "term_start", "person__name", "school_class__name")
    )
    if not rows:
        return
    under = branches.under(org)
    contacted = defaultdict(set)
    counts = (
        LiaisonContact.objects.filter(
            liaison__in=[pk for pk, *_rest in rows], contacted_on__range=(period.start, period.end)
        )
        .annotate(month=month_of("contacted_on"))
        .values("liaison_id", "month")
        .annotate(n=Count("pk"))
    )
    for row in counts:
        contacted[row["liaison_id"]].add(row["month"])
    months_of: dict[date, list[Period]] = {}
    for pk, org_id, term_start, person, school_class in rows:
        if term_start not in months_of:
            months_of[term_start] = _months(Period.term_of(term_start), period, today)
        silent = [m for m in months_of[term_start] if m.start not in contacted[pk]]
        if silent:
            owner = under.organisation(org_id)
            yield Finding(
                _("%(org)s %(person)s联系的%(cls)s在%(months)s没有联系记录")
                % {
                    "org": owner.name,
                    "person": person,
                    "cls": school_class,
                    "months": "、".join(f"{m.start.year}年{m.start.month}月" for m in silent),
                },
                evidence=[Ref(Liaison, pk)],
                organisation=owner,
            )
