"""The figures registry every ledger registers into and `reports` reads.

A figure is a named number over (organisation, period) that keeps the records behind it:

    @figures.register("meetings.held", label="召开会议次数", unit="次")
    def held(org, period, *, kind=None) -> QuerySet: ...

The function returns a queryset (the value is its count, or the Sum of `sum_field`), or a
(value, queryset) pair where the value needs its own computation.

A flow (a count of dated records: meetings held, books read) may name the date that puts each record
in a period, `day=` (a field or expression on its records; a datetime through lean.local_date): then
`figures.series(code, org, periods)` computes it for many periods in one grouped query instead of
one per period (a flow with no single day passes `series=`, its own way of doing that). A stock or
a ratio (members on the period's end, an attendance rate) says `flow=False`, so charts of flows
never compute it month by month. See `figure_series.py`.

A family of counts one grouped query gives at once (meetings of each type) may say so with
`counted_by=`: within a unit of work (a draft) each member's value is read from that shared query,
and its records stay the queryset, unevaluated. Outside one, the figure counts its records.

Put them in `<app>/figures.py`; `core.registries.autodiscover()` imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum

from .. import memo, parallel
from ..periods import Period
from .figure_series import series_of


@dataclass(frozen=True)
class FigureSpec:
    code: str
    label: str
    unit: str
    func: Callable[..., Any]
    sum_field: str | None = None
    description: str = ""
    # Sensitive ledgers (mentoring) publish counts only: the records behind the number are listed
    # only to a user holding this permission on the organisation, and never in documents or exports.
    records_perm: str | None = None
    # figure_series.py: the date placing each record in a period (a flow), and whether the figure
    # is a flow at all (None: unknown, charts test whether its months add up to its year).
    day: Any = None
    flow: bool | None = None
    # (org, periods, **params) -> [value per period]: a flow without a single day (a sum over the
    # members of each period's end) computing many periods at once its own way.
    series: Callable[..., list] | None = None
    # False: a figure documents link to but no list shows (the count of a rule's findings, which
    # means nothing without its `rule=` parameter).
    listed: bool = True
    # A key figure's place in the monthly summary's table of key figures (None: not a key figure).
    key: int | None = None
    # (org, period, **params) -> the count, or None: within a unit of work (core/memo.py) a family
    # of counts one grouped query gives at once (meetings of each type, sessions of each form) —
    # a document asks for ten of them, each a pass over the bureau's year otherwise.
    counted_by: Callable[..., Any] | None = None

    @property
    def ledger(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def records_private(self) -> bool:
        return self.records_perm is not None


@dataclass
class FigureValue:
    spec: FigureSpec
    value: int | Decimal
    records: QuerySet | None
    organisation: Any
    period: Period
    params: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.spec.code

    def __str__(self) -> str:
        return f"{self.value}{self.spec.unit}"


class FigureRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, FigureSpec] = {}

    def register(
        self,
        code: str,
        *,
        label: str,
        unit: str,
        sum_field: str | None = None,
        description: str = "",
        records_perm: str | None = None,
        day: Any = None,
        flow: bool | None = None,
        series: Callable[..., list] | None = None,
        listed: bool = True,
        key: int | None = None,
        counted_by: Callable[..., Any] | None = None,
    ):
        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            if code in self._specs and self._specs[code].func is not func:
                raise ValueError(f"figure {code} registered twice")
            if day is not None and flow is False:
                raise ValueError(f"figure {code}: a figure with a day is a flow")
            self._specs[code] = FigureSpec(
                code,
                str(label),
                str(unit),
                func,
                sum_field,
                str(description),
                records_perm,
                day,
                True if day is not None else flow,
                series,
                listed,
                key,
                counted_by,
            )
            return func

        return decorator

    def unregister(self, code: str) -> None:
        self._specs.pop(code, None)

    def get(self, code: str) -> FigureSpec:
        try:
            return self._specs[code]
        except KeyError:
            raise KeyError(f"no figure named {code}") from None

    def all(self) -> list[FigureSpec]:
        return sorted((s for s in self._specs.values() if s.listed), key=lambda s: s.code)

    def codes_counted_by(self) -> list[str]:
        """The figures a shared grouped count gives within a unit of work (`counted_by`)."""
        return sorted(code for code, spec in self._specs.items() if spec.counted_by is not None)

    def key_figures(self) -> list[FigureSpec]:
        """The figures flagged `key=`, in that order: what a month is summed up by."""
        return sorted((s for s in self._specs.values() if s.key is not None), key=lambda s: (s.key, s.code))

    def compute(self, code: str, org, period: Period, **params) -> FigureValue:
        # within a unit of work (core/memo.py) once: a draft's sections ask what its prefetch computed
        return _computed_once(self, code, org, period, **params)

    def _compute(self, code: str, org, period: Period, **params) -> FigureValue:
        spec = self.get(code)
        result = spec.func(org, period, **params)
        if spec.counted_by is not None and memo.store() is not None:
            value = spec.counted_by(org, period, **params)
            if value is not None:
                return FigureValue(spec, value, result, org, period, params)
        if isinstance(result, tuple):
            value, records = result
        elif spec.sum_field:
            records = result
            value = result.aggregate(total=Sum(spec.sum_field))["total"] or Decimal("0")
        else:
            records, value = result, result.count()
        return FigureValue(spec, value, records, org, period, params)

    def stored_values(self, name: str, codes: list[str], org, period: Period) -> list[FigureValue]:
        """compute() of each code, the numbers only (records None), stored under `name` until a write
        under or above org or the next day (core/stamped.py): for pages that show many at once."""
        from .. import stamped

        def value(code: str):
            return self.compute(code, org, period).value

        numbers = stamped.get_or_compute(
            name,
            org,
            # side by side, within the unit of work of the stored value (core/parallel.py)
            lambda: dict(zip(codes, parallel.each(value, codes), strict=True)),
            parts=(period.kind, period.start, period.end),
        )
        return [FigureValue(self.get(code), numbers[code], None, org, period) for code in codes]

    def compute_by_branch(self, code: str, root, branches: list, period: Period, **params) -> dict[int, Any]:
        """{branch id: value} of one figure for many branches under `root` in three queries (the
        records grouped by organisation, the paths of those organisations): what compute() would
        give for each branch, rows of a group below a branch counted with the branch."""
        from ..branches import nearest
        from ..models import Organisation

        spec = self.get(code)
        result = spec.func(root, period, **params)
        if isinstance(result, tuple):
            raise TypeError(f"figure {code} computes its value and cannot be grouped by branch")
        measure = Sum(spec.sum_field) if spec.sum_field else Count("pk")
        grouped = dict(result.order_by().values_list("organisation_id").annotate(value=measure))
        paths = dict(Organisation.objects.filter(pk__in=list(grouped)).values_list("pk", "path"))
        by_path = {b.path: b.pk for b in branches}
        zero = Decimal("0") if spec.sum_field else 0
        values: dict[int, Any] = {b.pk: zero for b in branches}
        for org_id, value in grouped.items():
            path = paths.get(org_id, "")
            # the branch whose path is the longest prefix of the row's organisation path
            owner = nearest(path, by_path)
            if owner is not None:
                values[owner] += value or zero
        return values


@memo.shared
def _computed_once(registry: FigureRegistry, code: str, org, period: Period, **params) -> FigureValue:
    return registry._compute(code, org, period, **params)


_REGISTRY = FigureRegistry()
# The module is the registry: `figures.register(...)`, `figures.compute(...)` everywhere.
register = _REGISTRY.register
get = _REGISTRY.get
unregister = _REGISTRY.unregister
all = _REGISTRY.all  # noqa: A001 - read as figures.all()
compute = _REGISTRY.compute
key_figures = _REGISTRY.key_figures
codes_counted_by = _REGISTRY.codes_counted_by
compute_by_branch = _REGISTRY.compute_by_branch
stored_values = _REGISTRY.stored_values


def series(code: str, org, periods: list[Period], **params) -> list:
    """The figure's value for each period, in one grouped query for a figure registered with a
    `day` (figure_series.py), else computed period by period."""
    return series_of(get(code), org, periods, compute, **params)
