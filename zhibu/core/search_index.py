"""The search index: one SearchEntry per registered row (registries.search), kept in step with the
ledgers, and the query that pages through it in the database.

In step: `audit.record` — the last step of every write, the write tail's and the internal
functions' (person_add, meeting_add, a report's new revision) alike — calls `refresh(obj)`, so no
service carries indexing code of its own; the recycle bin calls `forget` after a removal and
`refresh_many` after a restore. Bulk writers that skip the services (the synthetic city's
generators, a fresh install's old rows) call `reindex()`; `manage.py search_reindex` rebuilds all.

A query (`search`) is parsed by core.search_text, matched against the engine's full-text index
(FTS5 `MATCH` ranked by bm25 on SQLite; `@@ to_tsquery('simple', …)` ranked by ts_rank over a GIN
index on PostgreSQL — migration 0012), filtered by the same scope as the ledgers' pages (each
provider's permission on the row's organisation, its owner for private rows), ordered by rank and
cut with LIMIT/OFFSET in the database. A page of results reads only its own entries: what it shows
(title, text, link) is stored on them, so the query count does not grow with matches or branches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from django.db import connections
from django.db.models import F, Q, QuerySet
from django.urls import NoReverseMatch
from django.utils.safestring import SafeString

from . import policy, search_text
from .models import SearchEntry
from .registries import search as registry

BATCH = 2000
TITLE_WEIGHT = 10.0  # bm25 column weight; PostgreSQL's setweight 'A' against 'B' is the same idea


# -- keeping the index in step ------------------------------------------------------------------
def _url(obj) -> str:
    try:
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    except NoReverseMatch:
        return ""


def _entry(provider: registry.Provider, obj) -> SearchEntry:
    doc = provider.document(obj)
    return SearchEntry(
        organisation_id=obj.organisation_id,
        kind=provider.name,
        object_id=obj.pk,
        owner_person_id=doc.owner_person_id,
        title=doc.title[:300],
        text=doc.text or "",
        url=_url(obj)[:300],
        day=doc.day,
        title_tokens=search_text.index_tokens(doc.title),
        body_tokens=search_text.index_tokens(f"{doc.text or ''} {doc.keywords}"),
    )


_FIELDS = [
    "organisation_id",
    "owner_person_id",
    "title",
    "text",
    "url",
    "day",
    "title_tokens",
    "body_tokens",
]


def _save(provider: registry.Provider, obj) -> None:
    entry = _entry(provider, obj)
    SearchEntry.objects.update_or_create(
        kind=entry.kind, object_id=entry.object_id, defaults={f: getattr(entry, f) for f in _FIELDS}
    )


def refresh(obj) -> None:
    """Index `obj` (if a provider registers its model) and the rows that follow it. Cheap for any
    other model: a dictionary look-up."""
    model = obj.__class__  # not type(): request.user arrives as a SimpleLazyObject
    if not hasattr(model, "_meta"):
        return
    for provider in registry.for_model(model):
        if obj.pk is not None:
            _save(provider, obj)
    for provider, related in registry.following(model):
        for row in related(obj):
            _save(provider, row)


def refresh_many(objs: Iterable) -> None:
    for obj in objs:
        refresh(obj)


def forget(objs: Iterable) -> None:
    """Drop the entries of rows that were deleted (a removal into the recycle bin and its cascade)."""
    by_model: dict[type, list] = {}
    for obj in objs:
        by_model.setdefault(obj.__class__, []).append(obj.pk)
    for model, pks in by_model.items():
        for provider in registry.for_model(model):
            SearchEntry.objects.filter(kind=provider.name, object_id__in=pks).delete()


def reindex(names: Iterable[str] | None = None, organisation_ids: Iterable[int] | None = None) -> int:
    """Rebuild the entries of the named providers (all by default), of some organisations only when
    given, in batches: one INSERT per BATCH rows, the ledger read by its provider's `rows()`."""
    wanted = set(names) if names is not None else None
    orgs = list(organisation_ids) if organisation_ids is not None else None
    written = 0
    for provider in registry.providers():
        if wanted is not None and provider.name not in wanted:
            continue
        stale = SearchEntry.objects.filter(kind=provider.name)
        rows = provider.rows()
        if orgs is not None:
            stale = stale.filter(organisation_id__in=orgs)
            rows = rows.filter(organisation_id__in=orgs)
        stale.delete()
        iterator = rows.iterator(chunk_size=BATCH) if isinstance(rows, QuerySet) else iter(rows)
        while chunk := list(islice(iterator, BATCH)):
            SearchEntry.objects.bulk_create([_entry(provider, obj) for obj in chunk], batch_size=BATCH)
            written += len(chunk)
    return written


# -- asking ------------------------------------------------------------------------------------
@dataclass
class Hit:
    label: str
    title: SafeString
    snippet: SafeString
    url: str
    day: object


def _scope(user) -> Q | None:
    """Entries the user may find: per provider, its permission on the row's organisation, or the
    owner herself for private rows. None when she may find nothing."""
    person_id = getattr(policy.person_of(user), "pk", None)
    found = Q(pk__in=[])
    any_provider = False
    for provider in registry.providers():
        if policy.has_perm(user, provider.perm):
            any_provider = True
            found |= Q(kind=provider.name, organisation__in=policy.orgs_readable(user, provider.perm))
        if provider.own_perm and person_id and policy.has_perm(user, provider.own_perm):
            any_provider = True
            found |= Q(
                kind=provider.name,
                owner_person_id=person_id,
                organisation__in=policy.orgs_readable(user, provider.own_perm),
            )
    return found if any_provider else None


def _matching(qs: QuerySet[SearchEntry], query: search_text.Query) -> QuerySet[SearchEntry]:
    """The engine's full-text match and rank. extra(): the FTS5 table is no model, and bm25() only
    works in the query that joins it."""
    vendor = connections[qs.db].vendor
    if vendor == "postgresql":
        tsquery = query.tsquery()
        return qs.extra(  # noqa: S610 - constant SQL, the query text bound as a parameter
            where=["core_searchentry.search_vector @@ to_tsquery('simple', %s)"],
            params=[tsquery],
            select={"rank": "-ts_rank(core_searchentry.search_vector, to_tsquery('simple', %s))"},
            select_params=[tsquery],
        )
    return qs.extra(  # noqa: S610 - constant SQL, the query text bound as a parameter
        tables=["core_searchentry_fts"],
        where=["core_searchentry_fts.rowid = core_searchentry.id", "core_searchentry_fts MATCH %s"],
        params=[query.fts5()],
        select={"rank": f"bm25(core_searchentry_fts, {TITLE_WEIGHT}, 1.0)"},
    )


class Results:
    """The ranked matches as a sequence Django's Paginator cuts: `count()` is one COUNT query, a
    slice one ranked query with LIMIT/OFFSET reading only that page's entries."""

    def __init__(self, qs: QuerySet[SearchEntry] | None, query: search_text.Query):
        self._qs = qs
        self._query = query
        self._count: int | None = None
        self._labels = {p.name: p.label for p in registry.providers()}

    def count(self) -> int:
        if self._count is None:
            self._count = 0 if self._qs is None else self._qs.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if self._qs is None:
            return []
        ranked = self._qs.only("kind", "title", "text", "url", "day")
        rows = ranked.order_by("rank", F("day").desc(nulls_last=True), "-id")[index]
        words = self._query.words
        return [
            Hit(
                label=self._labels.get(row.kind, row.kind),
                title=search_text.highlight(row.title, words),
                snippet=search_text.highlight(search_text.snippet(row.text, words), words),
                url=row.url,
                day=row.day,
            )
            for row in rows
        ]


def search(user, text: str) -> Results | None:
    """The user's matches for `text`, ranked; None when the text is too short to search."""
    if not search_text.long_enough(text):
        return None
    query = search_text.parse(text)
    scope = _scope(user)
    if scope is None or not query:
        return Results(None, query)
    return Results(_matching(SearchEntry.objects.filter(scope), query), query)
