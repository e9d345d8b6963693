"""The 党务公开 board may publish an election's result (公示): who was elected to which post, with
the votes — names and posts only."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.periods import cn_date
from zhibu.core.registries import publishable

from . import selectors


@publishable.register("elections.results", label=_l("支委会选举结果"), perm="elections.view", kind="notice")
def results(org, period) -> list[publishable.Draft]:
    drafts = []
    for election in selectors.with_results(selectors.elections_of(org, period.start, period.end)):
        elected = "；".join(
            _("%(name)s当选为%(post)s（得%(v)d票）")
            % {"name": r.person.name, "post": r.get_post_display(), "v": r.votes}
            for r in election.results.all()
        )
        body = _(
            "%(day)s，%(org)s召开支部党员大会进行%(kind)s，实到会有选举权的党员%(n)d名参加投票。%(elected)s。"
        ) % {
            "day": cn_date(election.held_on),
            "org": election.organisation.name,
            "kind": election.get_kind_display(),
            "n": election.ballots_cast,
            "elected": elected,
        }
        drafts.append(
            publishable.Draft(
                title=_("关于支部委员会%(kind)s结果的公示") % {"kind": election.get_kind_display()},
                body=body,
                kind="notice",
                source=f"elections.election:{election.pk}",
            )
        )
    return drafts
