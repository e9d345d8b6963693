"""The mentoring paragraph of the documents — the seed's 一.5 "包教工作，扎实有效" — from counts
only: no student, pseudonym or case text ever reaches a document."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

from . import selectors
from .models import Scheme, StudentKind

sections.label_ledger("mentoring", _l("党员包教"))
sections.remedy("mentoring.no_log_in_month", _l("继续搞好党员包教工作，包教过程做到及时记录、不断档。"))
sections.remedy("mentoring.no_review_in_month", _l("支部坚持每月检查总结一次包教记录，做到月月有检查。"))


def _word(pairs: list[tuple[str, str]]) -> str:
    """The scheme's own name when the branch runs one (包教, 双联, 结对), else 帮教."""
    schemes = {scheme for scheme, _kind in pairs}
    return str(Scheme(schemes.pop()).label) if len(schemes) == 1 else _("帮教")


def _who(pairs: list[tuple[str, str]]) -> str:
    """ "包教问题学生10人、学困生2人，双联学困生3人" — each scheme with each kind of student it helps."""
    by_scheme: dict[str, list[str]] = {}
    for scheme, kind in pairs:
        label = StudentKind(kind).label if kind else _("学生")
        count = fig("mentoring.active_cases", scheme=scheme, student_kind=kind)
        by_scheme.setdefault(scheme, []).append(f"{label}{count}")
    return "，".join(f"{Scheme(scheme).label}{'、'.join(kinds)}" for scheme, kinds in by_scheme.items())


@sections.register("mentoring.practice", part="basic", title=_l("包教工作，扎实有效"), order=40)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("mentoring.active_cases").value:
        return []  # nothing to report: the section is left out
    pairs = selectors.schemes_active(org, period.start, period.end)
    word = _word(pairs)
    if ctx.document == "weekly":
        if not ctx.value("mentoring.logs").value:
            return []
        return [Para(_("本周党员记录%(w)s过程%(l)s。") % {"w": word, "l": fig("mentoring.logs")})]
    parts = [
        _("党员%(who)s，制定%(w)s方案，从思想、学习、生活、心理行为等方面全面关注指导")
        % {"who": _who(pairs), "w": word}
    ]
    if ctx.value("mentoring.logs").value:
        parts.append(_("记录%(w)s过程%(l)s") % {"w": word, "l": fig("mentoring.logs")})
    if ctx.value("mentoring.reviews").value:
        parts.append(_("支部逐月检查%(r)s") % {"r": fig("mentoring.reviews")})
    if ctx.value("mentoring.seminars").value:
        parts.append(_("召开%(w)s工作座谈会%(s)s") % {"w": word, "s": fig("mentoring.seminars")})
    if ctx.value("mentoring.turnarounds").value:
        parts.append(_("已转化学生%(t)s") % {"t": fig("mentoring.turnarounds")})
    return [Para("，".join(parts) + "。")]
