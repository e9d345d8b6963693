"""Roster figures: membership as of the period's end, and pipeline steps taken within it."""

from datetime import date

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from zhibu.core import memo
from zhibu.core.models import Organisation, PartyStatus
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors, transfer_selectors
from .models import Direction, MarkKind

SERVING = {"is_retired": False, "is_staff_member": True}
# The member counts of a day: (figure, label, which members), the last as field values.
MEMBER_COUNTS = (
    ("people.members", _("党员人数"), {}),
    ("people.serving_members", _("在职党员人数"), SERVING),
    ("people.retired_members", _("退休党员人数"), {"is_retired": True}),
)
KINDS = ("is_retired", "is_staff_member")


@memo.shared
def _members_by_kind(org: Organisation, day: date) -> list[tuple[dict[str, bool], int]]:
    """[({is_retired, is_staff_member}, members on day)]: the member counts of a day in one grouped
    query, shared within a unit of work (a dashboard's tiles and cards, a draft). Each count was a
    pass over every person's dated status — over a bureau the largest part of those tiles."""
    rows = selectors.members_on(org, day).order_by().values_list(*KINDS).annotate(n=Count("pk"))
    return [(dict(zip(KINDS, row[:-1], strict=True)), row[-1]) for row in rows]


def _members(org: Organisation, day: date, which: dict[str, bool]):
    return selectors.members_on(org, day).filter(**which)


def _register_member_count(code: str, label, which: dict[str, bool]) -> None:
    def records(org: Organisation, period: Period):
        return _members(org, period.end, which)

    def counted(org: Organisation, period: Period) -> int:
        groups = _members_by_kind(org, period.end)
        return sum(n for kind, n in groups if all(kind[k] == v for k, v in which.items()))

    figures.register(code, label=label, unit=_("人"), flow=False, counted_by=counted)(records)


for _code, _label, _which in MEMBER_COUNTS:
    _register_member_count(_code, _label, _which)


@figures.register("people.staff", label=_("教职工人数"), unit=_("人"), flow=False)
def staff(org: Organisation, period: Period):
    return selectors.staff_on(org, period.end)


@figures.register("people.new_probationary", label=_("发展党员人数"), unit=_("人"), day="since")
def new_probationary(org: Organisation, period: Period):
    return selectors.status_changes(org, PartyStatus.PROBATIONARY, period.start, period.end)


@figures.register("people.new_activists", label=_("新确定入党积极分子"), unit=_("人"), day="since")
def new_activists(org: Organisation, period: Period):
    return selectors.status_changes(org, PartyStatus.ACTIVIST, period.start, period.end)


@figures.register("people.confirmed_full", label=_("预备党员转正人数"), unit=_("人"), day="since")
def confirmed_full(org: Organisation, period: Period):
    return (
        selectors.status_changes(org, PartyStatus.FULL, period.start, period.end)
        .filter(person__status_changes__status=PartyStatus.PROBATIONARY)
        .distinct()
    )


@figures.register("people.member_share", label=_("在职党员占教职工比例"), unit="%", flow=False)
def member_share(org: Organisation, period: Period):
    """The seed's "占教职工总人数的48%": serving members over staff, rounded; records are the members."""
    serving = _members(org, period.end, SERVING)
    staff_count = selectors.staff_on(org, period.end).count()
    count = serving.count()
    return (round(100 * count / staff_count) if staff_count else 0), serving


# --- 组织关系转接 and 党籍 marks -------------------------------------------------------------------
@figures.register(
    "people.members_at_start",
    label=_("期初党员人数"),
    unit=_("人"),
    flow=False,
    description=_("期间第一天的党员人数（预备党员和正式党员，不含停止党籍的）；与期末人数、转入转出对照。"),
)
def members_at_start(org: Organisation, period: Period):
    return selectors.members_on(org, period.start)


@figures.register(
    "people.transfers_in",
    label=_("组织关系转入"),
    unit=_("人"),
    day="transferred_on",
    description=_("期间内组织关系转入本支部（含下级）的党员。"),
)
def transfers_in(org: Organisation, period: Period):
    return transfer_selectors.transfers_of(org, period.start, period.end, Direction.IN)


@figures.register(
    "people.transfers_out",
    label=_("组织关系转出"),
    unit=_("人"),
    day="transferred_on",
    description=_("期间内组织关系转出的党员；转出当天仍计入党员人数，此后不再计入。"),
)
def transfers_out(org: Organisation, period: Period):
    return transfer_selectors.transfers_of(org, period.start, period.end, Direction.OUT)


def _marked(kind: str):
    def figure(org: Organisation, period: Period):
        return transfer_selectors.marks_on(org, period.end, kind)

    return figure


for _kind, _label, _text in (
    (MarkKind.MOBILE, _("流动党员"), _("期末仍为流动党员的人数（计入党员人数）。")),
    (MarkKind.LOST, _("失联党员"), _("期末仍为失联党员的人数（计入党员人数）。")),
    (MarkKind.SUSPENDED, _("停止党籍"), _("期末处于停止党籍的人数（不计入党员人数）。")),
):
    figures.register(f"people.marked_{_kind}", label=_label, unit=_("人"), flow=False, description=_text)(
        _marked(_kind)
    )
