"""Encryption at rest for sensitive text (ID numbers, mentoring notes).

MultiFernet: the first key in settings.FERNET_KEYS encrypts, every key decrypts, so keys can be
rotated without downtime (`manage.py rotate_keys` re-encrypts, then the old key is dropped).
"""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.FERNET_KEYS])


@receiver(setting_changed)
def _reset(setting: str, **kwargs) -> None:
    if setting in {"FERNET_KEYS", "SECRET_KEY"}:
        _fernet.cache_clear()


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    return _fernet().rotate(token.encode()).decode()


def blind_index(value: str, purpose: str) -> str:
    """A keyed digest so an encrypted value can still be checked for duplicates without decrypting
    every row. Keyed by SECRET_KEY and purpose so the digest alone reveals nothing."""
    key = hmac.new(settings.SECRET_KEY.encode(), purpose.encode(), hashlib.sha256).digest()
    return hmac.new(key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; the database file alone does not reveal it. Cannot be filtered on.
    Audit snapshots redact it (see core.audit.snapshot)."""

    redact_in_audit = True

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        try:
            return decrypt(value)
        except InvalidToken as exc:  # a key was dropped before rotation finished: fail loudly
            raise ValueError(
                "encrypted value cannot be decrypted with the configured ZHIBU_FERNET_KEYS"
            ) from exc

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)
