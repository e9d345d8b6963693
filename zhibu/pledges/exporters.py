"""承诺台账 as .xlsx (or .csv): one row an item, with the official headers 承诺人, 承诺事项, 完成时限,
进展, 销号日期, 核验人; cells are escaped by the shared writer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import PledgesAction

HEADERS = (_l("承诺人"), _l("承诺事项"), _l("完成时限"), _l("进展"), _l("销号日期"), _l("核验人"))


def pledger(item) -> str:
    pledge = item.pledge
    if pledge.person_id:
        return pledge.person.name
    carried = f"（{item.responsible.name}）" if item.responsible_id else ""
    return pledge.organisation.name + carried


class LedgerExporter(ListExporter):
    def __init__(self, org: Organisation):
        self.org = org
        self.title = _("承诺台账")
        self.filename = f"{org.name}承诺台账"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [str(h) for h in HEADERS]
        rows = selectors.ledger_rows(self.org)
        self.total = rows.count()
        for item in rows.iterator(chunk_size=500):
            yield [
                pledger(item),
                item.content,
                item.due_on,
                item.latest or "",
                item.closed_on,
                item.verifier.name if item.verifier_id else "",
            ]


LEDGER = exporters.register(
    "pledges.ledger",
    label=_l("承诺台账"),
    formats=("xlsx", "csv"),
    perm="pledges.view",
    action=PledgesAction.PLEDGES_EXPORTED,
    build=LedgerExporter,
    background=exporters.rows_over_threshold(lambda org, **_: selectors.ledger_rows(org).count()),
    description=_l("本支部（含下级）全部承诺事项：承诺人、承诺事项、完成时限、最新进展、销号日期和核验人。"),
)
