"""The roster's dashboard panel: membership today, every number a figure (so it links to the
same records and matches the documents)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core import warmup
from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, figures

# (figure, the short label a stat tile has room for)
COMPOSITION = (
    ("people.members", _("党员")),
    ("people.serving_members", _("在职党员")),
    ("people.staff", _("教职工")),
    ("people.member_share", _("党员占教职工比例")),
    ("people.retired_members", _("退休党员")),
)


@dashboard.register(
    "people.composition", template="people/_composition_panel.html", perm="people.view", order=10
)
def composition_panel(request, org, period: Period) -> dict:
    today = timezone.localdate()
    tiles = list(zip(composition(org, today), (label for _code, label in COMPOSITION), strict=True))
    return {"org": org, "on": today, "tiles": tiles}


@warmup.register
def composition(org, today) -> list:
    # At a bureau these five counts over thousands of members cost more than the rest of the page.
    now = Period.span(today, today)
    return figures.stored_values("people.composition", [code for code, _label in COMPOSITION], org, now)
