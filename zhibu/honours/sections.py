"""What the honours ledger drafts in the summaries, in the reference's register:

一、基本情况和主要做法 — the lesson competitions:
    党支部每学期组织党员示范课或优质课评比活动（共4次），13名党员参加教学评比，党员参与率达到
    80.0%。在学案评比中，3名党员的学案获奖。

二、取得的成绩 — the honours, grouped by level (highest first), after the inspections' ranking
sentence (order 10 there, 20 here):
    开展活动以来，学校、党支部和教职工共获得各级荣誉17项，其中省级1项、市级3项……
    局级荣誉3项：在2023年教育政风行风检查中，我校获得先进单位荣誉称号；……

Every count is a figure reference; names, titles and issuers are words."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, fig

from . import phrases
from .models import CompetitionKind, Level

sections.label_ledger("honours", _l("荣誉与评比"))


@sections.register(
    "honours.competitions",
    part="basic",
    title=_l("开展教学评比，发挥党员示范作用"),
    order=45,
    documents=("annual", "monthly"),
)
def competitions(org, period, ctx) -> list[Para]:
    if not ctx.value("honours.competition_rounds").value:
        return []
    lesson = ctx.value("honours.competition_rounds", kind=CompetitionKind.LESSON).value
    if ctx.document == "annual" and lesson:
        opening = _("党支部每学期组织党员示范课或优质课评比活动（共%(n)s）") % {
            "n": fig("honours.competition_rounds", kind=CompetitionKind.LESSON)
        }
    else:
        opening = _("组织教学评比%(n)s") % {"n": fig("honours.competition_rounds")}
    text = _("%(opening)s，%(members)s党员参加教学评比，党员参与率达到%(rate)s。") % {
        "opening": opening,
        "members": fig("honours.competition_members"),
        "rate": fig("honours.competition_rate"),
    }
    if ctx.value("honours.competition_awards", kind=CompetitionKind.STUDY_PLAN).value:
        text += _("在学案评比中，%(n)s党员的学案获奖。") % {
            "n": fig("honours.competition_awards", kind=CompetitionKind.STUDY_PLAN)
        }
    return [Para(text)]


@sections.register(
    "honours.achievements",
    part="achievements",
    title=_l("获得的荣誉"),
    order=20,
    documents=("annual",),
)
def achievements(org, period, ctx) -> list[Para]:
    if not ctx.value("honours.count").value:
        return []
    levels = [level for level in Level.values if ctx.value("honours.count", level=level).value]
    by_level = "、".join(f"{Level(level).label}{fig('honours.count', level=level)}" for level in levels)
    paras = [
        Para(
            _("开展活动以来，学校、党支部和教职工共获得各级荣誉%(n)s，其中%(levels)s。")
            % {"n": fig("honours.count"), "levels": by_level}
        )
    ]
    grouped = phrases.by_level(org, period)
    for level in levels:
        paras.append(
            Para(
                _("%(level)s荣誉%(n)s：%(what)s。")
                % {
                    "level": Level(level).label,
                    "n": fig("honours.count", level=level),
                    "what": "；".join(grouped.get(level, [])),
                }
            )
        )
    return paras
