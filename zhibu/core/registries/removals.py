"""Which records users may remove (into the 回收站) and who may: each ledger registers its models in
its `removals.py`:

    removals.register("meetings.meeting", get=selectors.meeting_get, perm="meetings.edit",
                      after="meetings:list", kind=_("会议"))

`get(user, pk)` is the ledger's scoped selector (another branch's record is a 404), `perm` is asked
of the record, `after` the URL name to return to, `kind` what the confirm page calls it, and
`label(obj)` what the recycle bin lists — by default `f"{kind}：{obj}"`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Removable:
    model: str
    get: Callable[[Any, Any], Any]
    perm: str
    label: Callable[[Any], str]
    after: str
    kind: str  # what the confirm page calls it: "会议"


_SPECS: dict[str, Removable] = {}


def register(model: str, *, get, perm: str, after: str, kind: str, label=None) -> None:
    if label is None:

        def label(obj) -> str:
            return f"{kind}：{obj}"

    _SPECS[model] = Removable(model, get, perm, label, after, str(kind))


def get(model: str) -> Removable:
    try:
        return _SPECS[model]
    except KeyError:
        raise Http404 from None


def all() -> list[Removable]:  # noqa: A001 - read as removals.all()
    return sorted(_SPECS.values(), key=lambda spec: spec.model)
