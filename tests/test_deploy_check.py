"""`manage.py check --deploy` is clean with production settings (the same variables CI's
`make check-deploy` sets), so a settings change that weakens HTTPS, cookies or headers fails here."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "ZHIBU_SECRET_KEY": secrets.token_urlsafe(64),
        "ZHIBU_HTTPS": "1",
        "ZHIBU_ALLOWED_HOSTS": "zhibu.example.org",
        "ZHIBU_FERNET_KEYS": Fernet.generate_key().decode(),
        "ZHIBU_VAR_DIR": str(tmp_path),
        "ZHIBU_DEBUG": "0",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
