"""Settings read the environment strictly: ZHIBU_HTTPS=ture stops the start instead of meaning "no"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from zhibu.settings import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("TRUE", True),
        ("Yes", True),
        ("on", True),
        (" 1 ", True),
        ("0", False),
        ("false", False),
        ("False", False),
        ("NO", False),
        ("off", False),
    ],
)
def test_env_bool_reads_the_accepted_words(monkeypatch, raw, expected):
    monkeypatch.setenv("ZHIBU_TEST_FLAG", raw)
    assert env_bool("ZHIBU_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_or_empty_is_the_default(monkeypatch, default):
    monkeypatch.delenv("ZHIBU_TEST_FLAG", raising=False)
    assert env_bool("ZHIBU_TEST_FLAG", default) is default
    monkeypatch.setenv("ZHIBU_TEST_FLAG", "")
    assert env_bool("ZHIBU_TEST_FLAG", default) is default


@pytest.mark.parametrize("raw", ["ture", "y", "2", "enabled", "-1"])
def test_env_bool_refuses_anything_else_naming_variable_and_value(monkeypatch, raw):
    monkeypatch.setenv("ZHIBU_HTTPS", raw)
    with pytest.raises(ImproperlyConfigured) as caught:
        env_bool("ZHIBU_HTTPS", False)
    assert "ZHIBU_HTTPS" in str(caught.value)
    assert repr(raw) in str(caught.value)


def test_env_int_reads_whole_numbers(monkeypatch):
    monkeypatch.delenv("ZHIBU_TEST_NUMBER", raising=False)
    assert env_int("ZHIBU_TEST_NUMBER", 90) == 90
    monkeypatch.setenv("ZHIBU_TEST_NUMBER", " 1800 ")
    assert env_int("ZHIBU_TEST_NUMBER", 90, minimum=1) == 1800
    monkeypatch.setenv("ZHIBU_TEST_NUMBER", "0")
    assert env_int("ZHIBU_TEST_NUMBER", 90, minimum=0) == 0
    monkeypatch.setenv("ZHIBU_TEST_NUMBER", "-5")
    assert env_int("ZHIBU_TEST_NUMBER", 90) == -5


@pytest.mark.parametrize("raw", ["abc", "90d", "1.5", "1e3", "0x10", "1_000"])
def test_env_int_refuses_what_is_not_a_whole_number(monkeypatch, raw):
    monkeypatch.setenv("ZHIBU_PASSWORD_MAX_AGE_DAYS", raw)
    with pytest.raises(ImproperlyConfigured, match="ZHIBU_PASSWORD_MAX_AGE_DAYS") as caught:
        env_int("ZHIBU_PASSWORD_MAX_AGE_DAYS", 90, minimum=0)
    assert repr(raw) in str(caught.value)


def test_env_int_refuses_a_number_below_the_minimum(monkeypatch):
    monkeypatch.setenv("ZHIBU_SESSION_IDLE_SECONDS", "0")
    with pytest.raises(ImproperlyConfigured, match="ZHIBU_SESSION_IDLE_SECONDS=0 is below the minimum 1"):
        env_int("ZHIBU_SESSION_IDLE_SECONDS", 1800, minimum=1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.delenv("ZHIBU_TEST_LIST", raising=False)
    assert env_list("ZHIBU_TEST_LIST", ["127.0.0.1", "localhost"]) == ["127.0.0.1", "localhost"]
    assert env_list("ZHIBU_TEST_LIST") == []
    monkeypatch.setenv("ZHIBU_TEST_LIST", " a.example , ,b.example,")
    assert env_list("ZHIBU_TEST_LIST", ["ignored"]) == ["a.example", "b.example"]


def _manage_check(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZHIBU_VAR_DIR": str(tmp_path), **variables}
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_django_does_not_start_with_a_misspelt_boolean(tmp_path):
    result = _manage_check(tmp_path, ZHIBU_HTTPS="ture")
    assert result.returncode != 0, result.stdout + result.stderr
    assert "ImproperlyConfigured" in result.stderr
    assert "ZHIBU_HTTPS='ture' is not a boolean" in result.stderr


def test_django_does_not_start_with_a_non_numeric_number(tmp_path):
    result = _manage_check(tmp_path, ZHIBU_SESSION_IDLE_SECONDS="30m")
    assert result.returncode != 0, result.stdout + result.stderr
    assert "ZHIBU_SESSION_IDLE_SECONDS='30m' is not a whole number" in result.stderr
