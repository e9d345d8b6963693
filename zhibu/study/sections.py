"""The study ledger's paragraph for the documents — the seed's 一.1: "其中支部成员以讲党课的形式学习
党史6次，学习先进人物的事迹报告8次，布置任务自学5次，开展民主座谈会相互交流研讨3次" — drafted from
figures so each number links to the sessions behind it."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

from . import grouped
from .models import StudyForm

sections.label_ledger("study", _l("学习教育"))
sections.remedy("study.reading_quota", _l("深入开展“学名师、读好书”活动，确保每名党员每学期至少读书2本。"))
sections.remedy("study.note_check_missing", _l("校办公室坚持每月检查一次学习笔记，做到月月有检查、有记录。"))
sections.remedy("study.notes_unchecked", _l("学习笔记做到及时检查、及时反馈。"))
sections.remedy("study.hours_target", _l("合理安排集中学习和自学，确保党员年度学时达到规定要求。"))
sections.remedy("study.hours_weekly", _l("落实每周学习制度，督促党员每周学习时数达到支部规定要求。"))
sections.remedy("study.hours_monthly", _l("按月统计党员学习时数，对学习不足的党员及时提醒、督促补学。"))
sections.remedy("study.self_study_overdue", _l("加强自学任务的督促检查，按时完成布置的自学任务。"))

LECTURE = StudyForm.PARTY_LECTURE.value
# Each form of 集中学习 under its own name, in the seed's order; a form added later and missing here
# is named by its label.
FORM_PHRASES = {
    StudyForm.EXEMPLAR_REPORT.value: _l("学习先进人物的事迹报告"),
    StudyForm.FORUM.value: _l("开展民主座谈会相互交流研讨"),
    StudyForm.SEMINAR.value: _l("开展专题研讨"),
    StudyForm.TUTORIAL.value: _l("集中辅导"),
}


def _lectures(org: Organisation, period: Period, ctx: SectionContext) -> list[str]:
    """ "支部成员以讲党课的形式学习党史2次、党章2次" — each subject of the 党课 with records, and the
    lectures recorded without a subject apart."""
    if not ctx.value("study.sessions", form=LECTURE).value:
        return []
    subjects = grouped.lecture_subjects(org, period.start, period.end)
    named = [f"{s}{fig('study.sessions', form=LECTURE, subject=s)}" for s in subjects if s]
    phrases = [_("支部成员以讲党课的形式学习") + "、".join(named)] if named else []
    if "" in subjects:
        lead = _("另讲党课") if named else _("支部成员讲党课")
        phrases.append(lead + fig("study.sessions", form=LECTURE, subject=""))
    return phrases


def _phrases(org: Organisation, period: Period, ctx: SectionContext) -> list[str]:
    phrases = _lectures(org, period, ctx)
    for form in StudyForm.values:
        if form != LECTURE and ctx.value("study.sessions", form=form).value:
            label = FORM_PHRASES.get(form) or StudyForm(form).label
            phrases.append(f"{label}{fig('study.sessions', form=form)}")
    return phrases


@sections.register("study.practice", part="basic", title=_l("加强学习，提高认识"), order=15)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    sessions = ctx.value("study.sessions").value
    if ctx.document == "weekly":
        if not sessions:
            return []
        return [
            Para(
                _("本周开展集中学习%(n)s，其中%(list)s。")
                % {"n": fig("study.sessions"), "list": "，".join(_phrases(org, period, ctx))}
            )
        ]
    paras = []
    if sessions:
        text = _("组织党员采取集中和自学的形式进行学习，共开展集中学习%(n)s，其中%(list)s") % {
            "n": fig("study.sessions"),
            "list": "，".join(_phrases(org, period, ctx)),
        }
        if ctx.value("study.self_study_tasks").value:
            text += _("；另布置任务自学%(s)s") % {"s": fig("study.self_study_tasks")}
        paras.append(Para(text + "。"))
    elif ctx.value("study.self_study_tasks").value:
        paras.append(Para(_("组织党员自学，布置任务自学%(s)s。") % {"s": fig("study.self_study_tasks")}))
    habits = []
    if ctx.value("study.books_read").value:
        habits.append(_("认真开展“学名师、读好书”活动，党员共读书%(b)s") % {"b": fig("study.books_read")})
    if ctx.value("study.notes").value:
        habits.append(_("人人有笔记，共记学习笔记%(n)s") % {"n": fig("study.notes")})
    if ctx.value("study.note_checks").value:
        habits.append(_("校办公室检查学习笔记%(c)s") % {"c": fig("study.note_checks")})
    if habits:
        paras.append(Para("，".join(habits) + "。"))
    return paras
