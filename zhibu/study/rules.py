"""Study rule checks: reading quota, monthly note checks, 学时 targets, overdue self-study.

Each rule runs a fixed number of grouped queries over the whole subtree, whatever the number of
branches and members (`grouped` reads every branch at once).
Terms and years are judged once they have ended (a quota cannot be missed half-way through a
term) and belong to the period they end in, so no term is reported twice by adjacent periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding, Ref
from zhibu.core.strokes import name_sort_key
from zhibu.people import selectors as people_selectors

from . import grouped, selectors
from .models import SelfStudyDone, SelfStudyTask, StudyNote

# August is the summer holiday: no study, no notes, no check expected.
HOLIDAY_MONTHS = {8}
ZERO = Decimal("0")

PRACTICE = "study"
findings.practice(PRACTICE, label=_l("学习教育"), weakness=_l("学习教育抓得还不够实"), order=30)
UNRECORDED = {"variant": "unrecorded"}


def _ended_terms(period: Period, today: date) -> list[Period]:
    return [t for t in period.terms() if period.start <= t.end <= period.end and t.end < today]


def _ended_years(period: Period, today: date) -> list[Period]:
    years = [Period.year(y) for y in range(period.start.year, period.end.year + 1)]
    # A calendar year is judged only when the whole of it lies in the period.
    return [y for y in years if period.start <= y.start and y.end <= period.end and y.end < today]


def _past_months(period: Period, today: date) -> list[Period]:
    return [m for m in period.months() if m.end < today and m.start.month not in HOLIDAY_MONTHS]


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}"


@findings.register(
    "study.reading_quota",
    label=_l("党员每学期读书少于规定本数"),
    severity="warning",
    practice=PRACTICE,
    summary=_l("%(n)s人次每学期读书少于规定本数"),
)
def reading_quota(org: Organisation, period: Period) -> Iterator[Finding]:
    today = timezone.localdate()
    terms = _ended_terms(period, today)
    if not terms:
        return
    under = branches.under(org)
    if not under:
        return
    quotas = selectors.settings_by_org(under.branches)
    books_of = grouped.books_by_branch(under, org, [t.start for t in terms])
    members = {term: grouped.members_by_branch(under, org, term.end) for term in terms}
    for branch in under:
        quota = quotas[branch.pk].books_per_term
        books = books_of.get(branch.pk, {})
        if not books and quota:
            # A branch that keeps no reading ledger gets one line, not one per member and term.
            labels = "、".join(t.label for t in terms)
            yield Finding(
                _("%(org)s %(terms)s没有登记读书记录") % {"org": branch.name, "terms": labels},
                organisation=branch,
            )
            continue
        for term in terms:
            for pk, name, _org in sorted(members[term].get(branch.pk, []), key=lambda m: name_sort_key(m[1])):
                read = books.get((pk, term.start), 0)
                if read < quota:
                    yield Finding(
                        _("%(name)s %(term)s读书%(n)d本，少于%(q)d本")
                        % {"name": name, "term": term.label, "n": read, "q": quota},
                        evidence=[Ref(Person, pk)],
                        organisation=branch,
                    )


@findings.register(
    "study.note_check_missing",
    label=_l("校办未按月检查学习笔记"),
    severity="warning",
    practice=PRACTICE,
    summary={
        "": _l("有%(n)s个月学习笔记未经校办公室检查"),
        "none": _l("没有记学习笔记，校办公室也未检查"),
    },
)
def note_check_missing(org: Organisation, period: Period) -> Iterator[Finding]:
    """Months without the office's check, for branches that keep notes at all; a branch that
    keeps none (no note and no check in the period) is told once, not once a month."""
    months = _past_months(period, timezone.localdate())
    if not months:
        return
    under = branches.under(org)
    start, end = months[0].start, months[-1].end
    checked = grouped.checked_months_by_branch(under, org, start, end)
    keeping = grouped.branches_with_notes(under, org, start, end)
    for branch in under:
        if branch.pk not in keeping and not checked.get(branch.pk):
            yield Finding(
                _("%(org)s 本期间没有学习笔记，也没有笔记检查记录") % {"org": branch.name},
                organisation=branch,
                fact={"variant": "none"},
            )
            continue
        for month in months:
            if month.start not in checked.get(branch.pk, ()):
                yield Finding(
                    _("%(org)s %(month)s学习笔记未经校办公室检查")
                    % {"org": branch.name, "month": month.label},
                    organisation=branch,
                    period=month,
                )


@findings.register(
    "study.notes_unchecked",
    label=_l("学习笔记未经检查"),
    severity="info",
    practice=PRACTICE,
    summary=_l("%(n)s篇学习笔记未经检查"),
    measure="evidence",
    # a month the office never checked is one fact, not also "its 14 notes were not checked"
    covered_by=("study.note_check_missing",),
)
def notes_unchecked(org: Organisation, period: Period) -> Iterator[Finding]:
    """One finding per branch and month, naming the writers; over a superior each names its branch
    and belongs to it (the grid counts it there, and a month the office never checked covers it)."""
    months = _past_months(period, timezone.localdate())
    if not months:
        return
    notes = (
        selectors.unchecked_notes(org, months[0].start, months[-1].end)
        .order_by("month", "pk")
        .values_list("pk", "month", "person__name", "organisation_id")
    )
    under = branches.under(org)
    # The evidence is counted and linked by pk only: over a bureau these are tens of thousands of
    # notes, and loading each with its writer was most of the rule's time.
    groups: dict[tuple[Organisation, date], list[tuple[int, str]]] = defaultdict(list)
    for pk, month, name, org_id in notes:
        owners = under.containing(org_id)
        groups[(owners[-1] if owners else org, month)].append((pk, name))
    for (owner, month), rows in sorted(groups.items(), key=lambda item: (item[0][0].path, item[0][1])):
        names = sorted({name for _pk, name in rows}, key=name_sort_key)
        yield Finding(
            _("%(org)s%(month)s有%(n)d篇学习笔记未经检查（%(names)s）")
            % {
                "org": f"{owner.name} " if owner.pk != org.pk else "",
                "month": Period.month(month.year, month.month).label,
                "n": len(rows),
                "names": "、".join(names),
            },
            evidence=[Ref(StudyNote, pk) for pk, _name in rows],
            organisation=owner,
            period=Period.month(month.year, month.month),
        )


@findings.register(
    "study.hours_target",
    label=_l("党员年度学时未达标"),
    severity="warning",
    practice=PRACTICE,
    summary={"": _l("%(n)s人次年度学时未达标"), "unrecorded": _l("有%(n)s个年度没有登记党员学时")},
)
def hours_target(org: Organisation, period: Period) -> Iterator[Finding]:
    years = _ended_years(period, timezone.localdate())
    if not years:
        return
    under = branches.under(org)
    if not under:
        return
    settings = selectors.settings_by_org(under.branches)
    # Per year, whatever the number of branches: members, officers, and everyone's hours.
    judged = {
        year: (
            grouped.members_by_branch(under, org, year.end),
            grouped.officers_by_branch(under, year.end),
            grouped.hours_by_branch(under, org, year.start, year.end),
        )
        for year in years
    }
    for branch in under:
        rules = settings[branch.pk]
        for year in years:
            members, officers, hours = judged[year]
            people = sorted(members.get(branch.pk, []), key=lambda m: name_sort_key(m[1]))
            studied = {pk: hours.get((branch.pk, pk), ZERO) for pk, _name, _org in people}
            if people and not any(studied.values()):
                # A branch that keeps no study ledger gets one line, not one per member.
                yield Finding(
                    _("%(org)s %(year)s没有登记党员学习学时") % {"org": branch.name, "year": year.label},
                    evidence=[Ref(Person, pk) for pk, _name, _org in people],
                    organisation=branch,
                    fact=UNRECORDED,
                )
                continue
            branch_officers = officers.get(branch.pk, set())
            for pk, name, _org in people:
                target = rules.officer_hours if pk in branch_officers else rules.member_hours
                if studied[pk] < target:
                    yield Finding(
                        _("%(name)s %(year)s学时%(h)s小时，少于%(t)s小时")
                        % {"name": name, "year": year.label, "h": _hours(studied[pk]), "t": _hours(target)},
                        evidence=[Ref(Person, pk)],
                        organisation=branch,
                    )


@findings.register(
    "study.self_study_overdue",
    label=_l("自学任务逾期未完成"),
    severity="warning",
    practice=PRACTICE,
    summary=_l("%(n)s项自学任务有党员未按期完成"),
)
def self_study_overdue(org: Organisation, period: Period) -> Iterator[Finding]:
    """Per task due in the period and already past: members who did not finish by the due date."""
    today = timezone.localdate()
    tasks = list(
        SelfStudyTask.objects.filter(
            organisation__in=org.subtree(), due_on__range=period.bounds, due_on__lt=today
        )
        .select_related("organisation")
        .order_by("due_on", "pk")
    )
    if not tasks:
        return
    on_time = set(
        SelfStudyDone.objects.filter(task__in=tasks)
        .filter(done_on__lte=F("task__due_on"))
        .values_list("task_id", "person_id")
    )
    # Every branch's members on each of its due dates at once (two queries, however many dates),
    # then only those who were late, with their names (a bureau's members are thousands).
    members_by_day = people_selectors.member_ids_on_each(
        org, [(task.organisation, task.due_on) for task in tasks], is_retired=False
    )
    late_ids = {
        task.pk: [
            pk for pk in members_by_day[(task.organisation_id, task.due_on)] if (task.pk, pk) not in on_time
        ]
        for task in tasks
    }
    # names by id, the evidence by id (Ref): a city's late members are thousands of rows
    late_pks = {pk for ids in late_ids.values() for pk in ids}
    names_of = dict(Person.objects.filter(pk__in=late_pks).values_list("pk", "name"))
    for task in tasks:
        late = [pk for pk in late_ids[task.pk] if pk in names_of]
        if late:
            names = "、".join(sorted((names_of[pk] for pk in late), key=name_sort_key))
            yield Finding(
                _("自学任务“%(task)s”（%(due)s截止）有%(n)d名党员未按期完成：%(names)s")
                % {"task": task.title, "due": cn_date(task.due_on), "n": len(late), "names": names},
                evidence=[Ref(Person, pk) for pk in late],
                organisation=task.organisation,
            )


from . import rules_engagement, rules_hours  # noqa: E402, F401 - register their rules
