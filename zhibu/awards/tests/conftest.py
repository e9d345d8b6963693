"""With ZHIBU_SQLITE_TEST_FILE set (the concurrency test's own sub-run), the SQLite test database is
that file instead of shared-cache memory: threads then wait for each other's write lock as they do
in production, rather than failing on shared-cache table locks."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    path = os.environ.get("ZHIBU_SQLITE_TEST_FILE")
    if path:
        from django.conf import settings

        database = settings.DATABASES["default"]
        if database["ENGINE"].endswith("sqlite3"):
            database.setdefault("TEST", {})["NAME"] = path
