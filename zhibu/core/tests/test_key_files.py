"""The generated secret key and Fernet key files (var/secret_key, var/fernet.key) are readable by their
owner only from the first byte, are made once, and a wider mode found on start is narrowed, with a
warning in the log."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from zhibu.settings import local_secret

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    """The umask most systems start with (0022), under which a plain write makes a 0644 file."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_key_file_is_owner_only_and_holds_the_key(tmp_path, usual_umask):
    path = tmp_path / "var" / "fernet.key"
    key = local_secret(path, lambda: Fernet.generate_key().decode())
    assert _mode(path) == 0o600
    assert path.read_text() == key and Fernet(key.encode())
    assert [p.name for p in path.parent.iterdir()] == ["fernet.key"]  # no temporary file left behind


def test_an_existing_key_is_kept_and_never_regenerated(tmp_path, usual_umask):
    path = tmp_path / "fernet.key"
    first = local_secret(path, lambda: "first")

    def must_not_run() -> str:
        raise AssertionError("an existing key must not be replaced")

    assert local_secret(path, must_not_run) == first == "first"


def test_a_key_file_readable_by_others_is_narrowed_with_a_warning(tmp_path, caplog):
    path = tmp_path / "fernet.key"
    path.write_text("old-key\n")
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="zhibu.settings"):
        assert local_secret(path, lambda: "new-key") == "old-key"
    assert _mode(path) == 0o600
    (record,) = caplog.records
    assert record.levelno == logging.WARNING and str(path) in record.getMessage()
    assert "0644" in record.getMessage()


def test_an_owner_only_key_file_gives_no_warning(tmp_path, caplog):
    path = tmp_path / "secret_key"
    path.write_text("s3cret")
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING, logger="zhibu.settings"):
        assert local_secret(path, lambda: "other") == "s3cret"
    assert caplog.records == [] and _mode(path) == 0o600


def test_settings_without_environment_keys_create_owner_only_files(tmp_path):
    """What an offline school gets on its first start: both generated files 0600 next to the database."""
    env = {k: v for k, v in os.environ.items() if k not in {"ZHIBU_SECRET_KEY", "ZHIBU_FERNET_KEYS"}}
    env |= {"ZHIBU_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "zhibu.settings"}
    code = "from django.conf import settings; print(len(settings.FERNET_KEYS))"
    result = subprocess.run(  # noqa: S603 - fixed argv, our own settings
        [sys.executable, "-c", f"import os; os.umask(0o022); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _mode(tmp_path / "fernet.key") == 0o600 and _mode(tmp_path / "secret_key") == 0o600
