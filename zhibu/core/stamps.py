"""Data stamps: how a cache knows that what it holds for an organisation is still true.

Every write ends in `audit.record`, which calls `touch` with the organisations the write belongs
to; `of(org)` reads, in one query, the newest stamp among org's subtree, its ancestors (a notice
from the bureau changes a branch's obligations), writes that belong to no organisation, and the
database's epoch. Anything computed from org's ledgers and stored under that stamp is current as
long as the stamp is unchanged: no write can reach those ledgers without moving it.

Commands that write around the services — the city generator's bulk inserts, restore — call
`new_epoch()`, which makes every stored value stale at once. (The demo loader writes through the
services; stored values live in process memory, so a restart after an upgrade starts empty.)
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.db.models import Max, Q

from .models import DataStamp, Organisation

NO_ORGANISATION = 0
EPOCH = -1


def touch(organisation_ids: Iterable[int | None], entry_id: int) -> None:
    """Record entry_id as the newest write at each organisation (one upsert, whatever the number)."""
    scopes = {pk if pk else NO_ORGANISATION for pk in organisation_ids}
    DataStamp.objects.bulk_create(
        [DataStamp(scope=scope, entry=entry_id) for scope in sorted(scopes)],
        update_conflicts=True,
        unique_fields=["scope"],
        update_fields=["entry"],
    )


def new_epoch() -> None:
    DataStamp.objects.update_or_create(scope=EPOCH, defaults={"entry": secrets.randbits(62)})


def of(org: Organisation) -> str:
    """ "<newest entry>.<epoch>": equal strings mean nothing org's figures read has been written."""
    related = Q(scope__in=org.subtree().values("pk")) | Q(scope__in=org.ancestors().values("pk"))
    row = DataStamp.objects.filter(related | Q(scope__in=[NO_ORGANISATION, EPOCH])).aggregate(
        last=Max("entry", filter=~Q(scope=EPOCH)),
        epoch=Max("entry", filter=Q(scope=EPOCH)),
    )
    return f"{row['last'] or 0}.{row['epoch'] or 0}"


def changes_data(action: str) -> bool:
    """Audited reads and exports (….read, ….exported) leave every figure as it was."""
    last = action.rsplit(".", 1)[-1]
    return not (last == "read" or last.endswith("_read") or last == "exported")
