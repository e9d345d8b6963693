"""Checks the honours services share: each names the field and says what is wrong, in Chinese."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from zhibu.core.fields import (  # noqa: F401 - the app's checks in one place
    not_future,
    optional_text,
    required_text,
)
from zhibu.core.models import Organisation, Person
from zhibu.core.uploads import SCANS, store_upload


def choice(value: str | None, choices, field: str, label: str) -> str:
    if value not in choices.values:
        raise ValidationError({field: _("请选择%(label)s") % {"label": label}})
    return value


def person_in(org: Organisation, person: Person, field: str) -> Person:
    """A person of another branch is refused, by name."""
    if not org.subtree().filter(pk=person.organisation_id).exists():
        raise ValidationError({field: _("%(name)s不是本支部人员") % {"name": person.name}})
    return person


def stored_attachment(upload: UploadedFile, org: Organisation, upload_to) -> tuple[str, str, str]:
    """Judge the upload by its bytes (a certificate scan: JPG, PNG or PDF), then store it under a
    generated name. Returns (stored name, content type, the uploader's file name). Called after
    every other check, so a refused form leaves no file behind."""
    return store_upload(upload, lambda ext: upload_to(org, f"file{ext}"), accept=SCANS)
