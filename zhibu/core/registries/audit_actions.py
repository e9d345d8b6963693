"""Audit action codes, typed per app.

Each app declares its actions once, in its `audit_actions.py`, as TextChoices whose labels are
what the audit page shows:

    @audit_actions.register
    class MeetingsAction(models.TextChoices):
        MEETING_CREATED = "meetings.meeting.created", _("登记会议")

Services pass the member (`MeetingsAction.MEETING_CREATED`); `core.audit.record` refuses a code
no app declared, so the audit page never shows a raw code and a typo fails the first test that
reaches it.
"""

from __future__ import annotations

from django.db import models

_LABELS: dict[str, str] = {}
_OWNERS: dict[str, type[models.TextChoices]] = {}
# Action prefixes whose entries describe sensitive records: {prefix: permission needed to see them}.
_SENSITIVE: dict[str, str] = {}


class UndeclaredAction(ValueError):
    pass


def register(choices: type[models.TextChoices]) -> type[models.TextChoices]:
    """Class decorator: declare an app's actions. A code declared by two classes is a mistake."""
    for value, label in choices.choices:
        owner = _OWNERS.get(value)
        if owner is not None and owner is not choices and owner.__qualname__ != choices.__qualname__:
            raise ValueError(f"audit action {value} declared by {owner.__name__} and {choices.__name__}")
        _OWNERS[value] = choices
        _LABELS[value] = label
    return choices


def is_declared(code: str) -> bool:
    return code in _LABELS


def require_declared(code: str) -> None:
    if code not in _LABELS:
        raise UndeclaredAction(f"audit action {code!r} is not declared in any app's audit_actions.py")


def label(code: str) -> str:
    return str(_LABELS.get(code, code))


def declared() -> dict[str, str]:
    return {code: str(text) for code, text in sorted(_LABELS.items())}


def register_sensitive(prefix: str, *, perm: str) -> None:
    """Entries whose action starts with `prefix` are listed only to users holding `perm` on the
    entry's organisation (and never in the admin): the audit page must not become a side door
    into mentoring activity."""
    _SENSITIVE[prefix] = perm


def sensitive_prefixes() -> dict[str, str]:
    return dict(_SENSITIVE)
