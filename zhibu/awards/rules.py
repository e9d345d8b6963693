"""评先评优 findings: a campaign whose voting closed more than a fortnight ago and whose result is
still not published for 公示 (the members voted; the committee owes them the result). One query
over the whole subtree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings, sections
from zhibu.core.registries.findings import Finding

from . import selectors

GRACE = timedelta(days=14)

sections.remedy("awards.unpublished", _l("评先评优投票结束后及时计票，在党务公开栏公示评选结果。"))


@findings.register(
    "awards.unpublished",
    label=_l("评先评优结果未公示"),
    severity="warning",
    practice="democracy",
    summary=_l("%(n)s次评先评优结果未及时公示"),
)
def unpublished(org: Organisation, period: Period) -> Iterator[Finding]:
    due = min(period.end, timezone.localdate() - GRACE)
    for campaign in selectors.unpublished(org, period.start, due):
        yield Finding(
            _("%(org)s“%(title)s”已于%(day)s截止投票，尚未公示评选结果")
            % {
                "org": campaign.organisation.name,
                "title": campaign.title,
                "day": cn_date(campaign.closes_on),
            },
            evidence=[campaign],
            organisation=campaign.organisation,
        )
