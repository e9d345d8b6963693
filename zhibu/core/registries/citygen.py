"""City generators: each app registers one; `manage.py gen_city` runs them in order to fill a fresh
database with a whole bureau (hundreds of branches, several years) for benchmarks.

A generator is `(ctx) -> int` (rows written). It reads what earlier generators made from `ctx`
(the bureau, its branches, their people and secretaries), writes its own rows only through
`ctx.bulk(Model, rows)` (bulk_create in batches, no per-row query) and draws every random choice
from `ctx.rng`, which the runner re-seeds from (seed, generator name) before each generator: the
same seed gives the same rows, and adding a generator does not change what the others draw.

Generated rows get no audit entries: they are synthetic data written by an operator's command in
one transaction, not anybody's act on a record, and an audit row per generated row would double
the city and time the audit table rather than the ledgers.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from django.db import models


@dataclass
class CityContext:
    seed: int
    branches_wanted: int
    years: list[int]
    until: date  # nothing is dated after this day (held meetings are in the past)
    people_per_branch: int = 30
    batch_size: int = 5000
    # One hash for every generated login (hashing 300 passwords takes minutes); "!": unusable.
    password_hash: str = "!"  # noqa: S105
    rng: random.Random = field(default_factory=random.Random)
    bureau: Any = None
    branches: list = field(default_factory=list)
    people: dict[int, list] = field(default_factory=dict)  # organisation id -> its Person rows
    secretaries: dict[int, Any] = field(default_factory=dict)  # organisation id -> User
    bureau_user: Any = None
    shared: dict[str, Any] = field(default_factory=dict)  # what one generator leaves for another
    rows: Counter = field(default_factory=Counter)  # table -> rows written

    def bulk(self, model: type[models.Model], rows: Iterable[models.Model], *, keep: bool = False) -> list:
        """bulk_create `rows` in batches; returns the saved objects (with ids) only when `keep`, so
        a million attendance rows are never held in memory at once."""
        kept: list = []
        iterator = iter(rows)
        while chunk := list(islice(iterator, self.batch_size)):
            model.objects.bulk_create(chunk, batch_size=self.batch_size)
            self.rows[model._meta.db_table] += len(chunk)
            if keep:
                kept.extend(chunk)
        return kept


@dataclass(frozen=True)
class Generator:
    name: str
    order: int
    func: Callable[[CityContext], int]


_GENERATORS: dict[str, Generator] = {}


def register(name: str, *, order: int = 100):
    def decorator(func: Callable[[CityContext], int]):
        _GENERATORS[name] = Generator(name, order, func)
        return func

    return decorator


def generators() -> list[Generator]:
    return sorted(_GENERATORS.values(), key=lambda g: (g.order, g.name))


def run(ctx: CityContext, report: Callable[[str, int, float], None] | None = None) -> CityContext:
    """Every generator in order, each with its own reproducible random stream. The caller opens the
    transaction (`writes.batch()`), so a failed run leaves nothing behind."""
    for generator in generators():
        ctx.rng = random.Random(f"{ctx.seed}/{generator.name}")
        start = time.perf_counter()
        written = generator.func(ctx)
        if report is not None:
            report(generator.name, written, time.perf_counter() - start)
    return ctx
