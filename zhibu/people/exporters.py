"""The roster (花名册) in the exporter registry: .xlsx or .csv, ID numbers masked; a bureau's roster
of thousands runs as a background job (more rows than ZHIBU_EXPORT_JOB_ROWS)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import transfer_selectors
from .audit_actions import PeopleAction
from .roster import RosterExporter, roster_size

ROSTER = exporters.register(
    "people.roster",
    label=_("人员名册"),
    formats=("xlsx", "csv"),
    perm="people.export",
    action=PeopleAction.ROSTER_EXPORTED,
    build=RosterExporter,
    background=exporters.rows_over_threshold(roster_size),
    description=_("本组织及下级组织的全部人员，按姓氏笔画排序，身份证号隐去中间8位。"),
)


class TransfersExporter(ListExporter):
    """组织关系转接台账: one row a transfer, in date order, official headers."""

    def __init__(self, org: Organisation):
        self.org = org
        self.title = gettext("组织关系转接台账")
        self.filename = f"{org.name}组织关系转接台账"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [
            gettext("转接日期"),
            gettext("姓名"),
            gettext("转接类型"),
            gettext("转出或转入的党组织"),
            gettext("介绍信编号"),
            gettext("所在党组织"),
            gettext("备注"),
        ]
        rows = transfer_selectors.transfer_list(self.org).order_by("transferred_on", "pk")
        self.total = rows.count()
        for t in rows.iterator(chunk_size=500):
            yield [
                t.transferred_on,
                t.person.name,
                t.get_direction_display(),
                t.other_name,
                t.letter_number,
                t.organisation.name,
                t.note,
            ]


TRANSFERS = exporters.register(
    "people.transfers",
    label=_("组织关系转接台账"),
    formats=("xlsx", "csv"),
    perm="people.export",
    action=PeopleAction.TRANSFERS_EXPORTED,
    build=TransfersExporter,
    background=exporters.rows_over_threshold(
        lambda org, **_kw: transfer_selectors.transfer_list(org).count()
    ),
    description=_("本组织及下级组织的组织关系转入、转出：日期、姓名、对方党组织和介绍信编号。"),
)
