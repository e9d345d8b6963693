"""The oversight registry: what a superior committee (局党委) sees of every branch at once.

A ledger registers a provider of grid cells for many branches, computed in a FIXED number of
grouped queries whatever the number of branches (the bureau's grid covers hundreds):

    @oversight.register("meetings.cadence", label=_("三会一课"), order=10)
    def cadence(root, branches, span, today) -> Block: ...

`root` is the committee whose subtree holds the branches; `span` the period the grid covers. A
provider returns a Block: its columns (each with the sub-periods it is shown in, e.g. the months
of a monthly meeting) and cells keyed by (branch id, column key, period key); a column's summary
cell has the period key "". A cell carries a state (one of STATES), counts and an optional URL.
Providers never put a person's name in a cell: the grid and its export are read by the bureau.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from ..periods import Period

OK, DUE, PROBLEM, AHEAD, NONE = "ok", "due", "problem", "ahead", "none"
# The states of a cell, from worst to best, for sorting and the "only with problems" filter.
# A summary whose due periods are all done and the rest lie ahead is OK, not "ahead": worst() ranks
# AHEAD after OK.
STATES = {PROBLEM: _("有问题"), DUE: _("待完成"), OK: _("正常"), AHEAD: _("未到期"), NONE: _("不适用")}
RANK = {state: index for index, state in enumerate(STATES)}
SUMMARY = ""  # the period key of a column's summary cell


@dataclass
class Cell:
    state: str
    text: str = ""  # what the grid shows ("3/4", "逾期2")
    done: int = 0
    problems: int = 0
    title: str = ""  # the tooltip: the whole story in words
    url: str = ""

    @property
    def state_label(self) -> str:
        return str(STATES.get(self.state, self.state))


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    periods: tuple[tuple[str, str], ...] = ()  # (period key, short label), in order


@dataclass
class Block:
    columns: list[Column] = field(default_factory=list)
    cells: dict[tuple[int, str, str], Cell] = field(default_factory=dict)


Provider = Callable[[Any, list, Period, date], Block]


@dataclass(frozen=True)
class ProviderSpec:
    code: str
    label: str
    order: int
    func: Provider


_PROVIDERS: dict[str, ProviderSpec] = {}


def register(code: str, *, label, order: int = 100):
    def decorator(func: Provider) -> Provider:
        _PROVIDERS[code] = ProviderSpec(code, label, order, func)
        return func

    return decorator


def unregister(code: str) -> None:
    _PROVIDERS.pop(code, None)


def all() -> list[ProviderSpec]:  # noqa: A001 - read as oversight.all()
    return sorted(_PROVIDERS.values(), key=lambda s: (s.order, s.code))


def get(code: str) -> ProviderSpec:
    return _PROVIDERS[code]


def worst(states) -> str:
    """The worst of several states (NONE when there are none)."""
    found = [s for s in states if s != NONE]
    return min(found, key=RANK.__getitem__) if found else NONE
