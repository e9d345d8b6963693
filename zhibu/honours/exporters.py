"""荣誉台账 as .xlsx (or .csv): one row an honour, official Chinese headers; cells are escaped by
the shared writer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import HonoursAction


class HonoursExporter(ListExporter):
    def __init__(self, org: Organisation):
        self.org = org
        self.title = _("荣誉台账")
        self.filename = f"{org.name}荣誉台账"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [
            _("获得日期"),
            _("荣誉名称"),
            _("荣誉类别"),
            _("级别"),
            _("颁发单位"),
            _("评比或检查名称"),
            _("获奖对象"),
            _("获奖人"),
            _("备注"),
        ]
        rows = selectors.honour_list(self.org).order_by("awarded_on", "pk")
        self.total = rows.count()
        for h in rows.iterator(chunk_size=500):
            yield [
                h.awarded_on,
                h.title,
                h.get_kind_display(),
                h.get_level_display(),
                h.issuer,
                h.occasion,
                h.get_recipient_display(),
                h.person.name if h.person_id else "",
                h.note,
            ]


HONOURS = exporters.register(
    "honours.honours",
    label=_l("荣誉台账"),
    formats=("xlsx", "csv"),
    perm="honours.view",
    action=HonoursAction.HONOURS_EXPORTED,
    build=HonoursExporter,
    background=exporters.rows_over_threshold(lambda org, **_: selectors.honour_list(org).count()),
    description=_l("本支部（含下级）获得的全部荣誉：日期、名称、类别、级别、颁发单位和获奖对象。"),
)
