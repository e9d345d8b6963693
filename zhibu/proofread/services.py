"""文稿校对: check a text against the built-in list and the branch's entries; keep the branch's list."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, writes
from zhibu.core.models import Organisation

from . import selectors
from .audit_actions import ProofreadAction
from .models import ConfusionEntry

MAX_TEXT = 20000  # characters the paste page checks at once (a long summary is ~6000)
HANZI = re.compile(r"[\u4e00-\u9fff]")


def text_checked(text: str) -> str:
    """What the paste page accepts: some text, not more than MAX_TEXT characters."""
    if not text.strip():
        raise ValidationError({"text": _("请粘贴要校对的文字。")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("文字过长（一次最多%(n)d字），请分段校对。") % {"n": MAX_TEXT}})
    return text


def _entry_fields(*, wrong: str, right: str, before: str, after: str, note: str) -> dict:
    wrong, right, before, after = (v.strip() for v in (wrong, right, before, after))
    if not wrong or not HANZI.search(wrong):
        raise ValidationError({"wrong": _("请填写含汉字的错误写法。")})
    if not right:
        raise ValidationError({"right": _("请填写正确写法。")})
    if wrong == right:
        raise ValidationError({"right": _("正确写法与错误写法相同。")})
    if len(wrong + before + after) < 2:
        raise ValidationError({"before": _("单字词条容易误报，请填写前文或后文。")})
    return {"wrong": wrong, "right": right, "before": before, "after": after, "note": note.strip()}


@writes.service
def entry_add(
    *,
    actor,
    organisation: Organisation,
    wrong: str,
    right: str,
    before: str = "",
    after: str = "",
    note: str = "",
) -> ConfusionEntry:
    policy.require(actor, "proofread.manage", organisation)
    fields = _entry_fields(wrong=wrong, right=right, before=before, after=after, note=note)
    same = {k: fields[k] for k in ("wrong", "before", "after")}
    if selectors.entries_of(organisation).filter(**same).exists():
        raise ValidationError({"wrong": _("已有相同的词条。")})
    entry = ConfusionEntry(organisation=organisation, **fields)
    return writes.model_create(entry, actor=actor, action=ProofreadAction.ENTRY_ADDED)


@writes.service
def entry_remove(*, actor, entry: ConfusionEntry) -> Organisation:
    policy.require(actor, "proofread.manage", entry)
    before = audit.snapshot(entry)
    org = entry.organisation
    entry.delete()
    audit.record(
        actor, ProofreadAction.ENTRY_REMOVED, organisation=org, before=before, object_repr=str(entry)
    )
    return org
