"""The roster (花名册) in the exporter registry: .xlsx or .csv, ID numbers masked; a bureau's roster
of thousands runs as a background job (more rows than ZHIBU_EXPORT_JOB_ROWS)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import exporters

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
