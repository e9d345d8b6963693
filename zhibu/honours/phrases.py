"""Sentences naming honours, as a summary writes them: "我校党支部获得局先进党支部称号",
"党员刘丹、王春华获得校级优秀共产党员称号", "于洋老师的作品获廉政文化大赛摄影作品二等奖". Honours
of one occasion share its clause ("在2023年教育政风行风检查中，…")."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.lean import lean
from zhibu.core.models import Organisation
from zhibu.core.periods import Period

from . import selectors
from .models import HonourKind, Recipient

# How each kind of honour reads; {who} is the recipient, {title} the honour's name.
TEMPLATES = {
    HonourKind.ADVANCED_BRANCH: _l("{who}获得{title}称号"),
    HonourKind.EXCELLENT_MEMBER: _l("{who}获得{title}称号"),
    HonourKind.ADVANCED_UNIT: _l("{who}获得{title}荣誉称号"),
    HonourKind.EXCELLENT_WEBSITE: _l("{who}网站被评为{title}"),
    HonourKind.ADVANCED_PERSON: _l("{who}获得{title}称号"),
    HonourKind.PAPER: _l("{who}的论文获{title}"),
    HonourKind.WORK: _l("{who}的作品获{title}"),
    HonourKind.OTHER: _l("{who}获得{title}"),
}


def _who(recipient: str, names: list[str], members: bool) -> str:
    if recipient == Recipient.BRANCH:
        return _("我校党支部")
    if recipient == Recipient.SCHOOL:
        return _("我校")
    joined = "、".join(names)
    return _("党员%(names)s") % {"names": joined} if members else _("%(names)s老师") % {"names": joined}


def by_level(org: Organisation, period: Period) -> dict[str, list[str]]:
    """{level: [clause, …]}; two queries (the honours with
    their people, and who was a member at the period's end)."""
    honours = list(lean(selectors.honours_of(org, period)))
    members = selectors.member_ids_on(org, period.end)
    # (level, occasion) → {(kind, title, recipient, is member): [names]}, first awarded first.
    grouped: dict[tuple[str, str], dict[tuple, list[str]]] = {}
    for h in honours:
        key = (h.kind, h.title, h.recipient, h.person_id in members)
        names = grouped.setdefault((h.level, h.occasion), {}).setdefault(key, [])
        if h.person_id:
            names.append(h.person.name)
    # Within a level the school's and the branch's own honours come first (the register of a
    # summary), then the people's, each in the order awarded.
    order = sorted(grouped, key=lambda key: not any(k[2] != Recipient.PERSON for k in grouped[key]))
    result: dict[str, list[str]] = {}
    for level, occasion in order:
        groups = grouped[(level, occasion)]
        parts = [
            str(TEMPLATES[HonourKind(kind)]).format(who=_who(recipient, names, is_member), title=title)
            for (kind, title, recipient, is_member), names in sorted(
                groups.items(), key=lambda item: item[0][2] == Recipient.PERSON
            )
        ]
        clause = "，".join(parts)
        if occasion:
            clause = _("在%(occasion)s中，%(what)s") % {"occasion": occasion, "what": clause}
        result.setdefault(level, []).append(clause)
    return result
