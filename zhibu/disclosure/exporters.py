"""The disclosure 台账 as .xlsx (or .csv): every item of the organisation with its window, state
and objections. Cells go through the shared writer, which escapes formulas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import DisclosureAction


class NoticesExporter(ListExporter):
    def __init__(self, org: Organisation):
        self.org = org
        self.title = _("党务公开台账")
        self.filename = f"{org.name}党务公开台账"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [
            _("类别"),
            _("标题"),
            _("状态"),
            _("公开起始日期"),
            _("公开截止日期"),
            _("发布日期"),
            _("撤回日期"),
            _("收到异议（条）"),
            _("已答复（条）"),
        ]
        for n in selectors.notices_for_export(self.org):
            yield [
                n.get_kind_display(),
                n.title,
                n.get_status_display(),
                n.publish_from,
                n.publish_until,
                n.published_on,
                n.withdrawn_on,
                n.objection_count,
                n.answered_count,
            ]


def _count(org: Organisation) -> int:
    return selectors.notices_for_export(org).count()


NOTICES = exporters.register(
    "disclosure.notices",
    label=_l("党务公开台账"),
    formats=("xlsx", "csv"),
    perm="disclosure.view",
    action=DisclosureAction.NOTICES_EXPORTED,
    build=NoticesExporter,
    background=exporters.rows_over_threshold(_count),
    description=_l("全部党务公开事项：类别、标题、状态、公开期限、发布和撤回日期、异议及答复条数。"),
)
