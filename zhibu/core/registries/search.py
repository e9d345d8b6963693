"""What the search box searches: each ledger registers, in its `search.py`, the models it indexes.

    @search.register("meetings", model=Meeting, label=_("组织生活"), perm="meetings.view", order=20)
    def meeting_document(meeting) -> search.Doc:
        return search.Doc(title=str(meeting), text=meeting.minutes, day=meeting.held_at.date())

The function turns one row into what is indexed and shown (`Doc`); `core.search_index` keeps one
SearchEntry per row in step with every audited write, rebuilds them in bulk, and answers queries.
Who finds a row is the provider's `perm` on the row's organisation (policy.orgs_readable, as the
ledger's own pages), or — for rows with an owner (`Doc.owner_person_id`) — `own_perm` held by that
owner herself: a member finds her own study notes, officers with `perm` find everyone's.

`rows()` is the queryset a bulk reindex reads (select_related what the function touches);
`follows` names other models whose audited writes change this provider's rows, with a function from
such a row to the rows to reindex (a meeting's topic is its linked study session's title).
Mentoring records are never registered: they are found on the mentoring pages only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models


@dataclass(frozen=True)
class Doc:
    title: str
    text: str = ""
    day: date | None = None
    owner_person_id: int | None = None
    # Indexed but never shown (a name's pinyin).
    keywords: str = ""


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    perm: str
    model: type[models.Model]
    document: Callable[[models.Model], Doc]
    rows: Callable[[], Iterable[models.Model]]
    own_perm: str | None = None
    order: int = 100
    # {"app.model": row -> rows of this provider to reindex}, by label: no ledger imports another's models
    follows: dict[str, Callable[[models.Model], Iterable[models.Model]]] = field(default_factory=dict)


_PROVIDERS: dict[str, Provider] = {}


def register(
    name: str,
    *,
    model: type[models.Model],
    label: str,
    perm: str,
    own_perm: str | None = None,
    rows: Callable[[], Iterable[models.Model]] | None = None,
    follows: dict | None = None,
    order: int = 100,
):
    if model._meta.app_label == "mentoring":
        raise ValueError("mentoring records are never indexed for search")

    def decorator(document: Callable[[models.Model], Doc]):
        _PROVIDERS[name] = Provider(
            name=name,
            label=str(label),
            perm=perm,
            model=model,
            document=document,
            rows=rows or model._default_manager.all,
            own_perm=own_perm,
            order=order,
            follows=dict(follows or {}),
        )
        return document

    return decorator


def providers() -> list[Provider]:
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.name))


def get(name: str) -> Provider | None:
    return _PROVIDERS.get(name)


def for_model(model: type[models.Model]) -> list[Provider]:
    return [p for p in _PROVIDERS.values() if p.model is model]


def following(model: type[models.Model]) -> list[tuple[Provider, Callable]]:
    label = model._meta.label_lower
    return [(p, p.follows[label]) for p in _PROVIDERS.values() if label in p.follows]
