"""Test support shared by every app: the permission-matrix case type.

Each app lists its URL names in `zhibu/<app>/tests/matrix.py` as MATRIX = {url_name: Case(...)};
tests/test_permission_matrix.py requests every URL as every persona and fails when a URL
pattern is missing from all matrices. It sorts the expected statuses into separate tests: anonymous
(sent to the login page), 404 (another branch's rows, which do not exist for that persona), 403 (in
scope, without the permission) and the rest (what the persona may do).
"""

from __future__ import annotations

import struct
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

ALL_OK = {"secretary": 200, "committee": 200, "member": 200, "checker": 200, "bureau": 200, "outsider": 200}


@dataclass
class Case:
    expect: dict[str, int]
    # kwargs for reverse(); a callable receives the `world` fixture (and may create rows).
    kwargs: dict[str, Any] | Callable[[Any], dict[str, Any]] = field(default_factory=dict)
    query: str | Callable[[Any], str] = ""
    anonymous: int = 302
    method: str = "get"

    def resolve_kwargs(self, world) -> dict[str, Any]:
        return self.kwargs(world) if callable(self.kwargs) else dict(self.kwargs)

    def resolve_query(self, world) -> str:
        return self.query(world) if callable(self.query) else self.query


def officers(**overrides: int) -> dict[str, int]:
    """Officer-only page of branch A: members and the checker get 403 (in scope, no permission), the
    other branch's secretary 404 (branch A's rows do not exist for her)."""
    base = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 200, "outsider": 404}
    base.update(overrides)
    return base


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real, minimal PNG (so tests never depend on an image library)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@contextmanager
def throwaway_pg_database(db: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A new, empty PostgreSQL database beside `db` (Django's settings shape), made as `make test-pg`
    makes its own (template0, C.UTF-8: Chinese text search needs it), dropped afterwards; yields its
    settings. For restore drills and upgrade tests, which need a database no test suite owns."""
    import psycopg

    from zhibu.core.restore import pg_connect_params

    name = f"zhibu_throwaway_{uuid.uuid4().hex[:10]}"
    admin = {**pg_connect_params(db), "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**admin) as conn:
        locale = "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' {locale}")
    try:
        yield {**db, "NAME": name}
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
