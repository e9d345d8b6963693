"""The write tail every service shares, and the transaction every top-level service runs in.

A service (zulip's `do_*`, the HackSoft styleguide's `*_create`/`*_update`) asks policy, validates
its input, and then ends the same way: clean the row, save it (or compare-and-set its version),
snapshot it before and after, and record the audit entry — in one transaction. The helpers here
are that ending, so no service writes it out again:

    @writes.service
    def pledge_create(*, actor, organisation, data) -> Pledge:
        policy.require(actor, "pledges.edit", organisation)
        pledge = Pledge(organisation=organisation, **_clean(data))
        return writes.model_create(pledge, actor=actor, action=PledgesAction.PLEDGE_CREATED)

`@writes.service` runs the function in a *durable* transaction: when it returns, the row and its
audit entry are committed, and a service called from inside another transaction fails loudly
(RuntimeError) instead of being silently rolled back with its caller. Code that must run several
services as one unit (the demo loader, a bulk import) opens `writes.batch()`; services inside
it join the batch's transaction. Services never call each other: the shared part is an internal
function without the permission check (e.g. `person_add`), which the caller vouches for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import models, transaction

from . import audit
from .versioning import update_versioned

M = TypeVar("M", bound=models.Model)
F = TypeVar("F", bound=Callable[..., Any])

_IN_BATCH: ContextVar[bool] = ContextVar("zhibu_write_batch", default=False)


def service(func: F) -> F:
    """A top-level write: durable transaction, or the enclosing `batch()`'s."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with transaction.atomic(durable=not _IN_BATCH.get()):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextmanager
def batch() -> Iterator[None]:
    """Several services as one durable transaction: all of them are written, or none."""
    with transaction.atomic(durable=not _IN_BATCH.get()):
        token = _IN_BATCH.set(True)
        try:
            yield
        finally:
            _IN_BATCH.reset(token)


def model_create(
    obj: M,
    *,
    actor,
    action: str,
    clean_exclude: tuple[str, ...] = (),
    extra: dict[str, Any] | None = None,
    **audit_kwargs: Any,
) -> M:
    """Validate (`full_clean`), insert, and audit the new row's snapshot (plus `extra`)."""
    obj.full_clean(exclude=list(clean_exclude) or None)
    obj.save()
    audit.record(actor, action, obj, after={**audit.snapshot(obj), **(extra or {})}, **audit_kwargs)
    return obj


def model_update(
    obj: M,
    *,
    actor,
    action: str,
    version: int | None,
    fields: dict[str, Any],
    extra_before: dict[str, Any] | None = None,
    extra_after: dict[str, Any] | None = None,
    **audit_kwargs: Any,
) -> M:
    """Compare-and-set `fields` at the `version` the user saw (StaleEdit when someone else saved
    first), validated, and audit the row before and after."""
    before = {**audit.snapshot(obj), **(extra_before or {})}
    update_versioned(obj, version, **fields)
    audit.record(
        actor,
        action,
        obj,
        before=before,
        after={**audit.snapshot(obj), **(extra_after or {})},
        **audit_kwargs,
    )
    return obj


def model_change(obj: M, *, actor, action: str, fields: dict[str, Any], **audit_kwargs: Any) -> M:
    """Set `fields` on a row that carries no version (a click on an attendance sheet, a grant
    revoked) and audit it before and after. Validation is the caller's."""
    before = audit.snapshot(obj)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save(update_fields=list(fields))
    audit.record(actor, action, obj, before=before, after=audit.snapshot(obj), **audit_kwargs)
    return obj


def settings_save(
    model: type[M],
    *,
    actor,
    organisation,
    version: int | None,
    fields: dict[str, Any],
    created: str,
    updated: str,
) -> M:
    """Save an organisation's one settings row (a branch's quotas and time limits): created the
    first time, then updated against the version the user saw."""
    row = model.objects.filter(organisation=organisation).first()
    if row is None:
        return model_create(model(organisation=organisation, **fields), actor=actor, action=created)
    return model_update(row, actor=actor, action=updated, version=version, fields=fields)
