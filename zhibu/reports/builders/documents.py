"""The narrative documents: annual/campaign summary, monthly summary, weekly bulletin."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import figures, sections
from zhibu.core.registries.sections import SectionContext, fig

from ..document import Document, Paragraph, SignatureBlock, Table
from .common import (
    drafted,
    generic_paragraph,
    h1,
    h2,
    ledgers_with_figures,
    ledgers_without_section,
    open_findings,
    plan_paragraphs,
    weakness_paragraphs,
)
from .registry import register


def period_title(period: Period) -> str:
    if period.kind == "span":
        if period.start.year == period.end.year:
            return f"{period.start.year}年"
        return f"{period.start.year}—{period.end.year}年"
    if period.kind == "year":
        return f"{period.start.year}年度"
    return period.label


def title(kind: str, org, period: Period) -> str:
    """The document's title: "<organisation><period>工作总结" — also the label of the job drafting it."""
    if kind == "annual":
        return f"{org.name}{period_title(period)}工作总结"
    if kind == "weekly":
        return f"{org.name}工作周信息（{period.label}）"
    return f"{org.name}{period.label}工作总结"


def ledgers_unsectioned() -> list[str]:
    """Ledgers that registered figures but no section for any document: the monthly and weekly
    documents give them a generic paragraph (a ledger whose sections skip these documents on
    purpose — the honours of the annual summary — is not dumped there figure by figure)."""
    covered = {spec.ledger for spec in sections.all()}
    return [ledger for ledger in ledgers_with_figures() if ledger not in covered]


def _superior(org) -> str:
    return org.parent.name if org.parent_id else _("上级党组织")


def _closing(doc: Document, weaknesses: str, plans: str) -> Document:
    """Parts 3 and 4 of a summary — the open findings, and what is promised for each — then the
    signature."""
    found = open_findings(doc.org, doc.period)
    doc.blocks.append(h1(3, weaknesses))
    doc.blocks.extend(weakness_paragraphs(found))
    doc.blocks.append(h1(4, plans))
    doc.blocks.extend(plan_paragraphs(doc.org, doc.period, found))
    doc.blocks.append(SignatureBlock(doc.org.name, doc.period.end))
    return doc


@register("annual", _l("年度或阶段总结"))
def annual(org, period: Period, ctx: SectionContext) -> Document:
    doc = Document("annual", title("annual", org, period), org, period)
    add = doc.blocks.append
    add(
        Paragraph(
            _(
                "按照%(superior)s统一工作部署和要求，%(org)s%(span)s始终坚持围绕中心、服务大局，"
                "扎实开展各项党建工作。现将有关情况总结如下："
            )
            % {"superior": _superior(org), "org": org.name, "span": _period_phrase(period)}
        )
    )
    add(h1(1, _("基本情况和主要做法")))
    n = 0
    for spec, paras in drafted("annual", "basic", org, period, ctx):
        n += 1
        add(h2(n, str(spec.title)))
        doc.blocks.extend(paras)
    for ledger in ledgers_without_section("annual"):
        paragraph = generic_paragraph(ledger, ctx)
        if paragraph:
            n += 1
            add(h2(n, sections.ledger_label(ledger)))
            add(paragraph)
    add(h1(2, _("取得的成绩")))
    achievements = drafted("annual", "achievements", org, period, ctx)
    for _spec, paras in achievements:
        doc.blocks.extend(paras)
    if not achievements:
        add(Paragraph(_("（本期间尚无登记的荣誉、检查评比和测评结果，请在此补充。）"), style="note"))
    return _closing(doc, _("存在的不足"), _("今后的打算"))


def _period_phrase(period: Period) -> str:
    if period.kind == "span":
        return _("自%(start)s以来") % {"start": cn_date(period.start)}
    return _("在%(p)s") % {"p": period.label}


@register("monthly", _l("月工作总结"))
def monthly(org, period: Period, ctx: SectionContext) -> Document:
    doc = Document("monthly", title("monthly", org, period), org, period)
    add = doc.blocks.append
    add(Paragraph(_("现将%(p)s工作情况总结如下：") % {"p": period.label}))
    add(h1(1, _("主要数据")))
    add(key_figures_table(period, ctx) or Paragraph(_("本月各项主要数据均为零。"), style="note"))
    add(h1(2, _("工作开展情况")))
    n = 0
    for part in ("basic", "achievements"):
        for spec, paras in drafted("monthly", part, org, period, ctx):
            n += 1
            add(h2(n, str(spec.title)))
            doc.blocks.extend(paras)
    for ledger in ledgers_unsectioned():
        paragraph = generic_paragraph(ledger, ctx, nonzero_only=True)
        if paragraph:
            n += 1
            add(h2(n, sections.ledger_label(ledger)))
            add(paragraph)
    if not n:
        add(Paragraph(_("（本月各台账尚无叙述性内容，请在此补充。）"), style="note"))
    return _closing(doc, _("存在的问题"), _("下月工作安排"))


def same_month_last_year(period: Period) -> Period:
    day = period.start
    return Period.parse(period.kind, date(day.year - 1, day.month, min(day.day, 28)))


def key_figures_table(period: Period, ctx: SectionContext) -> Table | None:
    """The month's key figures (figures registered with `key=`) against the previous month and the
    same month last year; every cell a figure reference for its own period, a row of three zeros
    left out."""
    before, last_year = period.previous(), same_month_last_year(period)
    rows = []
    for spec in figures.key_figures():
        if not any(ctx.value(spec.code, **at).value for at in ({}, {"at": before}, {"at": last_year})):
            continue
        rows.append([spec.label, fig(spec.code), fig(spec.code, at=before), fig(spec.code, at=last_year)])
    if not rows:
        return None
    headers = [
        _("项目"),
        _("本月（%(p)s）") % {"p": period.label},
        _("上月（%(p)s）") % {"p": before.label},
        _("去年同月（%(p)s）") % {"p": last_year.label},
    ]
    return Table(headers=headers, rows=rows, references=True)


@register("weekly", _l("周信息"))
def weekly(org, period: Period, ctx: SectionContext) -> Document:
    doc = Document("weekly", title("weekly", org, period), org, period)
    doc.blocks.append(
        Paragraph(
            _("%(start)s至%(end)s，%(org)s主要工作如下：")
            % {"start": cn_date(period.start), "end": cn_date(period.end), "org": org.name}
        )
    )
    lines: list[Paragraph] = []
    # one numbered line per practice, as the annual summary's part 一 has one sub-section per practice
    for part in ("basic", "achievements"):
        for _spec, paras in drafted("weekly", part, org, period, ctx):
            lines.append(Paragraph("".join(p.text for p in paras)))
    for ledger in ledgers_unsectioned():
        paragraph = generic_paragraph(ledger, ctx, nonzero_only=True)
        if paragraph:
            lines.append(paragraph)
    for number, line in enumerate(lines, start=1):
        line.text = f"{number}. {line.text}"
        doc.blocks.append(line)
    if not lines:
        doc.blocks.append(Paragraph(_("本周各台账无新增工作记录。"), style="note"))
    doc.blocks.append(SignatureBlock(org.name, period.end))
    return doc
