"""The publishable registry: what a ledger offers the 党务公开 board (disclosure) to publish.

A ledger registers a source of drafts for an organisation and period; the disclosure app lists the
sources its user may read and turns a chosen draft into a disclosure item (still a draft, which the
secretary edits and publishes through the disclosure services). Ledgers never import disclosure,
and disclosure never imports a ledger: this registry is the only contact.

    @publishable.register("pledges.pledges", label=_("承诺与岗位职责"), perm="pledges.view",
                          kind="pledge")
    def pledges(org, period) -> list[publishable.Draft]: ...

`kind` is the disclosure kind the drafts are published as (工作计划 "plan", 工作部署 "deployment",
落实情况 "implementation", 公示 "notice", 承诺 "pledge", 职责 "duty"). A draft carries only what
may be published: names and posts, never a student, never contact details. `sensitive=True`
marks a source the publish service must refuse (nothing registers one; the flag exists so a test
can prove the refusal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Draft:
    title: str
    body: str
    kind: str
    source: str = ""  # "pledges.pledge:12" — where it came from, kept on the item for tracing


@dataclass(frozen=True)
class Source:
    code: str
    label: str
    perm: str
    kind: str
    build: Callable[[Any, Any], list[Draft]]  # (organisation, period) -> drafts
    sensitive: bool = False


_SOURCES: dict[str, Source] = {}


def register(code: str, *, label: str, perm: str, kind: str, sensitive: bool = False):
    def decorator(func: Callable[[Any, Any], list[Draft]]):
        _SOURCES[code] = Source(code, str(label), perm, kind, func, sensitive)
        return func

    return decorator


def get(code: str) -> Source:
    try:
        return _SOURCES[code]
    except KeyError:
        raise Http404 from None


def all() -> list[Source]:  # noqa: A001 - read as publishable.all()
    return sorted(_SOURCES.values(), key=lambda source: source.code)
