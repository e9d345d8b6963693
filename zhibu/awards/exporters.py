"""计票结果 as .xlsx (or .csv): one row a nominee, per kind in rank order, official headers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import results
from .audit_actions import AwardsAction
from .models import Campaign


class TallyExporter(ListExporter):
    def __init__(self, campaign: Campaign):
        self.campaign = campaign
        self.title = _("计票结果")
        self.filename = f"{campaign.title}计票结果"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        result = results.compute(self.campaign)
        yield [_("奖项"), _("名额"), _("排名"), _("被推荐人"), _("所在党组织"), _("得票"), _("得票率（%）"),
               _("量化得分"), _("综合得分"), _("是否当选")]  # fmt: skip
        self.total = sum(len(k.rows) for k in result.kinds)
        for kind in result.kinds:
            for row in kind.rows:
                n = row.nomination
                yield [
                    kind.kind.name,
                    kind.kind.quota,
                    row.rank or "",
                    n.nominee,
                    n.organisation.name,
                    row.votes,
                    row.share,
                    row.quantified,
                    row.final,
                    _("当选") if row.winner else "",
                ]


TALLY = exporters.register(
    "awards.tally",
    label=_l("评先评优计票结果"),
    formats=("xlsx", "csv"),
    perm="awards.view",
    action=AwardsAction.EXPORTED,
    build=TallyExporter,
    description=_l("一次评选各奖项人选的得票、得票率、量化得分、综合得分、排名和是否当选。"),
)
