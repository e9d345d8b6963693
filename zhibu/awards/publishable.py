"""The 党务公开 board may publish a campaign's result for 公示: the winners' names and awards, by
kind — names only, never votes or scores."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import publishable

from . import selectors


@publishable.register("awards.results", label=_l("评先评优结果公示"), perm="awards.view", kind="notice")
def results(org, period) -> list[publishable.Draft]:
    drafts: dict[int, tuple[object, dict[str, list[str]]]] = {}
    for n in selectors.published_winners(org, period):
        campaign, kinds = drafts.setdefault(n.campaign_id, (n.campaign, {}))
        kinds.setdefault(n.kind.name, []).append(n.nominee)
    out = []
    for campaign, kinds in drafts.values():
        lines = [
            _("%(kind)s：%(names)s") % {"kind": kind, "names": "、".join(names)}
            for kind, names in kinds.items()
        ]
        body = _(
            "经%(how)s，拟评选以下同志（单位）为%(title)s先进：\n%(lines)s\n现予公示，如有异议，请向党支部反映。"
        ) % {
            "how": _("党员无记名投票和量化考核") if campaign.scope == "branch" else _("各支部推荐、党委研究"),
            "title": campaign.title,
            "lines": "\n".join(lines),
        }
        out.append(
            publishable.Draft(
                title=_("关于%(title)s结果的公示") % {"title": campaign.title},
                body=body,
                kind="notice",
                source=f"awards.campaign:{campaign.pk}",
            )
        )
    return out
