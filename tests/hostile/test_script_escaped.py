"""`<script>` typed into any free-text field comes back escaped on every ledger's list and detail pages.

For each app with a permission matrix, each of its list and detail pages (GET, open to the branch
secretary) is requested after its records exist (the matrix's own builders create them) and every
free-text field of every row of the app's models has been set to a script tag. The page must never
contain the tag as markup; where it shows a free-text field at all, it shows it escaped."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse

import zhibu
from zhibu.core.crypto import EncryptedTextField

SCRIPT = "<script>alert(1)</script>"
NOT_FREE_TEXT = (models.EmailField, models.URLField, models.SlugField, models.GenericIPAddressField)
APPEND_ONLY = {"AuditEntry"}  # refuses every update, by design
NOT_TEXT = {"mentoring.LogAttachment.content"}  # a file's bytes in base64
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _apps() -> dict[str, list]:
    """App → its GET pages open to the branch secretary, from its permission matrix."""
    found = {}
    for app in pkgutil.iter_modules(zhibu.__path__):
        try:
            matrix = importlib.import_module(f"zhibu.{app.name}.tests.matrix").MATRIX
        except ModuleNotFoundError:
            continue
        pages = [(n, c) for n, c in matrix.items() if c.method == "get" and c.expect.get("secretary") == 200]
        if pages:
            found[app.name] = pages
    return found


APPS = _apps()


def free_text_fields(model) -> list[str]:
    """Text columns a user types into: no choices, keys, digests or passwords, long enough for the tag."""
    keyed = {name for c in model._meta.constraints for name in getattr(c, "fields", ())}
    keyed |= {name for group in model._meta.unique_together for name in group}
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not isinstance(f, NOT_FREE_TEXT)
        and not f.choices
        and not f.unique
        and f.name not in keyed
        and f.name != "password"
        and f"{model._meta.label}.{f.name}" not in NOT_TEXT
        and not f.name.endswith("_digest")
        and (f.max_length or 10_000) >= 50
    ]


def taint(app: str) -> None:
    """Set every free-text field of every row of the app's models to the script tag."""
    for model in apps.get_app_config(app).get_models():
        fields = free_text_fields(model)
        if not fields or model._meta.proxy or model.__name__ in APPEND_ONLY:
            continue
        encrypted = [name for name in fields if isinstance(model._meta.get_field(name), EncryptedTextField)]
        plain = [name for name in fields if name not in encrypted]
        if plain:
            model._base_manager.update(**{name: SCRIPT for name in plain})
        if encrypted:  # encrypted on save, not in update()
            for row in model._base_manager.all():
                for name in encrypted:
                    setattr(row, name, SCRIPT)
                models.Model.save_base(row, update_fields=encrypted)


def _page(client, world, app: str, url_name: str, case):
    url = reverse(url_name, kwargs=case.resolve_kwargs(world)) + case.resolve_query(world)
    taint(app)
    return client.get(url)


def _isolated_page(client, world, app: str, url_name: str, case):
    """The page in a savepoint rolled back after it (the matrix's builders expect a fresh world); a
    builder that needs a durable transaction of its own runs without one. None when the builder's
    record was already made, for good, by such a builder of an earlier page."""
    try:
        with transaction.atomic():
            response = _page(client, world, app, url_name, case)
            transaction.set_rollback(True)
            return response
    except RuntimeError:
        pass
    except ValidationError:
        return None
    try:
        return _page(client, world, app, url_name, case)
    except ValidationError:
        return None


@pytest.mark.parametrize("app", sorted(APPS))
def test_free_text_is_escaped(world, login, app):
    client = login(world.secretary)
    shown = []
    for url_name, case in APPS[app]:
        response = _isolated_page(client, world, app, url_name, case)
        if response is None:
            continue
        assert response.status_code == 200, url_name
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        page = response.content.decode()
        assert SCRIPT not in page, url_name
        if ESCAPED in page:
            shown.append(url_name)
    print(f"{app}: escaped text on {len(shown)} of {len(APPS[app])} pages")
    assert shown, f"no page of {app} shows any of its free text"


def test_the_pages_cover_every_ledger():
    assert len(APPS) >= 18, sorted(APPS)
