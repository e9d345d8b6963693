"""The hostile corpus for the tests: small files built on demand, large ones once per session."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from . import make_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Callable[[str], bytes]:
    """corpus(name) -> the file's bytes; the large ones are written to a session folder once."""
    folder: Path = tmp_path_factory.mktemp("hostile")
    makers = {**make_corpus.SMALL, **make_corpus.LARGE}

    def get(name: str) -> bytes:
        path = folder / name
        if not path.exists():
            path.write_bytes(makers[name]())
        return path.read_bytes()

    return get


def bounded(what: str, call: Callable[[], Any], *, seconds: float = 5, megabytes: float = 200) -> Any:
    """Run `call`, print its wall time and peak traced memory, and assert both stay in bounds."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        result = call()
    finally:
        elapsed = time.monotonic() - start
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"{what}: {elapsed:.2f} s, peak {peak / 1024 / 1024:.1f} MB")
    assert elapsed < seconds, f"{what} took {elapsed:.1f} s"
    assert peak < megabytes * 1024 * 1024, f"{what} peaked at {peak / 1024 / 1024:.0f} MB"
    return result
