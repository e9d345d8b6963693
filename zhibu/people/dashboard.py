"""The roster's dashboard panel: membership today, every number a figure (so it links to the
same records and matches the documents)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core import stamped
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
    now = Period.span(today, today)
    # Stored until a write under org or the next day (core/stamped.py): at a bureau these five
    # counts over thousands of members cost more than the rest of the page.
    values = stamped.get_or_compute(
        "people.composition",
        org,
        lambda: {code: figures.compute(code, org, now).value for code, _label in COMPOSITION},
        today=today,
    )
    tiles = [
        (figures.FigureValue(figures.get(code), values[code], None, org, now), label)
        for code, label in COMPOSITION
    ]
    return {"org": org, "on": today, "tiles": tiles}
