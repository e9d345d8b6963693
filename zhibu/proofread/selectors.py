"""Reads of the proofreader's entries: the page lists one organisation's own; the checker uses the
organisation's and its superiors' (one query)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhibu.core.models import Organisation
from zhibu.core.selectors import get_permitted

from .models import ConfusionEntry


def entries_of(org: Organisation) -> QuerySet[ConfusionEntry]:
    return ConfusionEntry.objects.filter(organisation=org)


def entries_applying(org: Organisation) -> QuerySet[ConfusionEntry]:
    return ConfusionEntry.objects.filter(Q(organisation=org) | Q(organisation__in=org.ancestors()))


def entry_get(user, pk: int) -> ConfusionEntry:
    return get_permitted(user, ConfusionEntry.objects.select_related("organisation"), pk, "proofread.manage")
