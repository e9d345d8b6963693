"""The suggestions 台账 as .xlsx (or .csv), official column headers; cells go through the shared
writer, which escapes formulas. A large subtree's export runs as a background job."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import VoiceAction


def _span(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


class SuggestionsExporter(ListExporter):
    def __init__(self, org: Organisation, *, start: str, end: str):
        self.org, (self.start, self.end) = org, _span(start, end)
        self.title = _("意见建议台账")
        self.filename = f"{org.name}意见建议台账{start}至{end}"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        rows = selectors.suggestions_of(self.org, self.start, self.end).order_by("received_on", "pk")
        yield [
            _("提出日期"),
            _("提出人"),
            _("来源"),
            _("类别或主题"),
            _("意见建议内容"),
            _("办理状态"),
            _("答复意见"),
            _("未采纳理由"),
            _("答复人"),
            _("答复日期"),
            _("答复期限"),
        ]
        for s in rows:
            yield [
                s.received_on,
                s.author_label,
                s.source_label,
                s.topic,
                s.content,
                s.get_status_display(),
                s.response,
                s.reason,
                s.responder.name if s.responder_id else "",
                s.answered_on,
                s.due_on,
            ]


def _count(org: Organisation, *, start: str, end: str) -> int:
    return selectors.suggestions_of(org, *_span(start, end)).count()


SUGGESTIONS = exporters.register(
    "voice.suggestions",
    label=_l("意见建议台账"),
    formats=("xlsx", "csv"),
    perm="voice.edit",
    action=VoiceAction.SUGGESTIONS_EXPORTED,
    build=SuggestionsExporter,
    background=exporters.rows_over_threshold(_count),
    description=_l("期间内收到的意见建议：提出人（匿名的不记）、来源、内容、办理状态、答复和答复日期。"),
)
