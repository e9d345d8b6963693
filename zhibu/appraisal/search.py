"""The appraisal in the search box: a member's appraisal of a year, found by her name, the year and
what she wrote, by the officers who read every appraisal (appraisal.view). Peer ratings are never
indexed (who rated whom how), nor are points (computed, not stored)."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Appraisal


@search.register(
    "appraisal.appraisals",
    model=Appraisal,
    label=_("评议考核"),
    perm="appraisal.view",
    rows=lambda: Appraisal.objects.select_related("person"),
    order=70,
)
def appraisal_document(appraisal: Appraisal) -> search.Doc:
    title = f"{appraisal.year}年度民主评议：{appraisal.person.name}"
    if appraisal.decision:
        title += f"（{appraisal.get_decision_display()}）"
    day = appraisal.decided_on or date(appraisal.year, 12, 31)
    return search.Doc(
        title=title, text=appraisal.self_assessment, day=day, keywords=appraisal.person.name_pinyin
    )
