"""The branches of a subtree, and which branch each organisation of it lies in: what a rule over a
subtree needs to run one grouped query for every branch instead of one query per branch.

    under = branches.under(org)             # one query
    for row in rows:                        # rows of the whole subtree, grouped by organisation
        for branch in under.containing(row["organisation"]): ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from . import memo
from .models import Organisation

T = TypeVar("T")


@dataclass(frozen=True)
class Branches:
    branches: list[Organisation]  # in path order
    _containing: dict[int, list[Organisation]]
    _by_pk: dict[int, Organisation]  # every organisation of the subtree

    def __iter__(self):
        return iter(self.branches)

    def __bool__(self) -> bool:
        return bool(self.branches)

    @property
    def ids(self) -> list[int]:
        return [b.pk for b in self.branches]

    def containing(self, org_id: int) -> list[Organisation]:
        """The branches whose subtree holds organisation `org_id` (its own branch; a 党小组's branch)
        — exactly the rows a per-branch `branch.subtree()` query would have counted for each."""
        return self._containing.get(org_id, [])

    def organisation(self, org_id: int) -> Organisation | None:
        """Any organisation of the subtree by its id (a rule reading ids names its records' own)."""
        return self._by_pk.get(org_id)

    def group(self, items: Iterable[T], org_id: Callable[[T], int]) -> dict[int, list[T]]:
        """{branch pk: the items lying in its subtree}, each list in the items' order."""
        grouped: dict[int, list[T]] = defaultdict(list)
        for item in items:
            for branch in self.containing(org_id(item)):
                grouped[branch.pk].append(item)
        return grouped


def nearest(path: str, by_path: dict[str, T]) -> T | None:
    """What `by_path` holds for the nearest organisation at or above `path` (its longest prefix):
    the branch a 党小组's row counts in, given the branches keyed by their paths. No query."""
    codes = [c for c in (path or "").strip("/").split("/") if c]
    for depth in range(len(codes), 0, -1):
        found = by_path.get("/" + "/".join(codes[:depth]) + "/")
        if found is not None:
            return found
    return None


@memo.shared  # some twenty rules of a draft ask it of the same organisation
def under(org: Organisation) -> Branches:
    """The 党支部 of org's subtree (org itself when it is one) and, for every organisation of the
    subtree, the branches it lies under. One query."""
    orgs = list(org.subtree().order_by("path"))
    branches = [o for o in orgs if o.kind == Organisation.Kind.BRANCH]
    by_code = {b.code: b for b in branches}
    # A path lists the codes from the root down: its branches are those codes that are branches.
    containing = {
        o.pk: [by_code[code] for code in o.path.strip("/").split("/") if code in by_code] for o in orgs
    }
    return Branches(branches, containing, {o.pk: o for o in orgs})
