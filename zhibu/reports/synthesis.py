"""Parts 三 (存在的不足) and 四 (今后的打算) of a summary, synthesised from the findings as a
secretary writes them to her superior: one paragraph per practice with findings, most serious
first, naming the weakness in general terms and its evidence in aggregate — counts that link to
their records, never a member's name — then one intention per practice, the next period's
obligations merged by kind, and the standing closing item.

The findings registry gives each rule its practice, its aggregate clause and the rules that state
the same fact (findings.py); the sections registry gives each rule's remedy and the obligations
(sections.py). Nothing here knows a ledger by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings, sections
from zhibu.core.registries.findings import Finding, PracticeSpec, RuleSpec
from zhibu.core.registries.sections import Obligation, fig

from .figures import FINDINGS_COUNT, uncovered

MAX_WEAKNESSES = 6
MAX_INTENTIONS = 8
CLOSING = _l("按照上级党组织的党建工作部署，认真做好各项党建工作")
NOTHING_FOUND = _l("经对照检查，本期间未发现突出问题，但工作标准仍需进一步提高。")


@dataclass
class Clause:
    """One rule's findings of one fact, said in aggregate: "支委会有{n}个月未按期召开"."""

    spec: RuleSpec
    fact: dict[str, str]
    fact_key: str
    organisations: set = field(default_factory=set)

    @property
    def text(self) -> str:
        template = summary_of(self.spec, self.fact.get("variant", ""))
        if "%(n)s" not in template and len(self.organisations) > 1:
            # a branch's own state ("支委会任期已届满") said of several: "有3个支部支委会任期已届满"
            template = _("有%(n)s个支部") + template
        values = {**self.fact, "n": fig(FINDINGS_COUNT, rule=self.spec.code, **_fact_param(self.fact_key))}
        return template % values


@dataclass
class Group:
    practice: PracticeSpec
    clauses: list[Clause] = field(default_factory=list)

    @property
    def rules(self) -> list[RuleSpec]:
        return list({c.spec.code: c.spec for c in self.clauses}.values())

    @property
    def seriousness(self) -> tuple:
        weights = [spec.weight for spec in self.rules]
        return (-max(weights), -sum(weights), self.practice.order, self.practice.code)


def _fact_param(fact_key: str) -> dict[str, str]:
    return {"fact": fact_key} if fact_key else {}


def summary_of(spec: RuleSpec, variant: str = "") -> str:
    summary = spec.summary
    if isinstance(summary, dict):
        summary = summary.get(variant) or summary.get("")
    return str(summary) if summary else _("%(label)s（%(n)s项）").replace("%(label)s", spec.label)


def groups(found: list[Finding]) -> list[Group]:
    """The practices with findings, most serious first, each with one clause per rule and fact."""
    by_practice: dict[str, Group] = {}
    seen: dict[tuple[str, str], Clause] = {}
    for finding in uncovered(found):
        spec = findings.get(finding.code)
        key = (spec.code, finding.fact_key)
        if key not in seen:
            seen[key] = Clause(spec, dict(finding.fact), finding.fact_key)
            practice = findings.get_practice(spec.practice)
            by_practice.setdefault(practice.code, Group(practice)).clauses.append(seen[key])
        seen[key].organisations.add(getattr(finding.organisation, "pk", None))
    for group in by_practice.values():
        # minor matters (a record entered late) after the rest, in the rules' order otherwise
        group.clauses.sort(key=lambda c: c.spec.severity == "info")
    return sorted(by_practice.values(), key=lambda g: g.seriousness)


def weakness_texts(found: list[Finding]) -> list[str]:
    shown = groups(found)
    if not shown:
        return [str(NOTHING_FOUND)]
    texts = [_paragraph(group) for group in shown[:MAX_WEAKNESSES]]
    if len(shown) > MAX_WEAKNESSES:
        # the sixth paragraph gathers the rest: at most six, and nothing found is left unsaid
        rest = shown[MAX_WEAKNESSES - 1 :]
        texts[-1] = _("此外，%(labels)s等方面也还存在薄弱环节：%(clauses)s。") % {
            "labels": "、".join(g.practice.label for g in rest),
            "clauses": "，".join(c.text for g in rest for c in g.clauses),
        }
    return texts


def _paragraph(group: Group) -> str:
    return f"{group.practice.weakness}：" + "，".join(c.text for c in group.clauses) + "。"


# -- 四、今后的打算 ---------------------------------------------------------------------------
def intention_texts(org, period: Period, found: list[Finding]) -> list[str]:
    shown = groups(found)
    own = shown[: MAX_WEAKNESSES - 1] if len(shown) > MAX_WEAKNESSES else shown
    items: dict[str, str] = {g.practice.code: _remedies(g) for g in own}
    if len(shown) > MAX_WEAKNESSES:
        items["_rest"] = _("针对%(labels)s等方面的薄弱环节，逐项制定整改措施，明确责任人和完成时限") % {
            "labels": "、".join(g.practice.label for g in shown[MAX_WEAKNESSES - 1 :])
        }
    dated: list[str] = []
    for group_code, sentence, lead in _obligation_sentences(org, period):
        if group_code and group_code in items:
            items[group_code] = _merge(items[group_code], sentence, lead)
        elif group_code:
            items[group_code] = sentence
        else:
            dated.append(sentence)
    texts = [*items.values(), *dated][: MAX_INTENTIONS - 1]
    texts.append(str(CLOSING))
    return [f"（{n}）{text.rstrip('。；')}。" for n, text in enumerate(texts, start=1)]


def _remedies(group: Group) -> str:
    said = []
    for spec in group.rules:
        remedy = sections.remedy_for(spec.code) or _(
            "针对“%(label)s”的问题，制定整改措施，明确责任人和完成时限"
        ) % {"label": spec.label}
        remedy = remedy.rstrip("。；")
        if remedy not in said:
            said.append(remedy)
    return "；".join(said)


def _merge(item: str, sentence: str, lead: str) -> str:
    """A practice's remedies and its obligations in one intention: the obligation sentence takes
    the place of a remedy opening with the same lead ("严格落实“三会一课”制度，…")."""
    parts = [p for p in item.split("；") if not (lead and p.startswith(lead))]
    return "；".join([sentence, *parts])


def _obligation_sentences(org, period: Period) -> list[tuple[str, str, str]]:
    """(group, sentence, lead): the next period's obligations, one sentence per group ("按时向上级
    报送材料，每周五前报送周信息和次月5日前报送上月工作总结"), dated ones apart. From the rules
    alone: what is already held after the document's end does not change what it promises."""
    upcoming = next_period(period)
    grouped: dict[str, list[Obligation]] = {}
    dated: list[tuple[str, str, str]] = []
    for item in sections.obligations_for(org, upcoming, include_done=True):
        if item.group:
            grouped.setdefault(item.group, []).append(item)
        else:
            when = _("%(date)s前") % {"date": cn_date(item.due_on)} if item.due_on else ""
            dated.append(("", f"{when}{item.text}", ""))
    sentences = []
    for code, items in grouped.items():
        hows: dict[str, list[str]] = {}
        for item in sorted(items, key=lambda o: o.rank):
            whats = hows.setdefault(item.how, [])
            if item.what not in whats:
                whats.append(item.what)
        phrases = "、".join(how + _joined(whats) if how else "、".join(whats) for how, whats in hows.items())
        lead = items[0].lead
        sentences.append((code, f"{lead}，{phrases}" if lead else phrases, lead))
    return sentences + dated


def _joined(words: list[str]) -> str:
    """支委会 / 支委会和党课 / 支委会、党课和主题党日"""
    if len(words) <= 2:
        return "和".join(words)
    return "、".join(words[:-1]) + "和" + words[-1]


def next_period(period: Period) -> Period:
    after = period.end + timedelta(days=1)
    if period.kind in {"week", "month", "year"}:
        return Period.parse(period.kind, after)
    if period.kind == "term":
        return Period.term_of(after) or Period.term_of(after + timedelta(days=31)) or period
    return Period.span(after, after + timedelta(days=period.days - 1))
