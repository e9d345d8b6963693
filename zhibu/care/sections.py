"""The care paragraphs of the documents, in the seed's register — its 一.3 "送温暖、献爱心"
("平日里看望有病住院的教职工（家属），节假日走访慰问学校困难教工和学生已是学校支部的常规工作了，
每年走访慰问都达20多人次"), the 问寒问暖 of its 一.4 ("学校办公室每月要给退休教工打一次问寒问暖
电话") and the donations of its 一.6 ("捐款3000多元，党员于雪华又呼吁……筹措资金1万多元") —
drafted from figures, so each number links to its records (for those who may see them). No visited
person, student family or donor is ever named in a document."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

from .models import VisitCategory

sections.label_ledger("care", _l("走访慰问与捐款"))
sections.remedy(
    "care.retiree_not_called",
    _l("学校办公室坚持每月给每位退休教工打一次问寒问暖电话，做到月月不漏、人人不落。"),
)

SICK = f"{VisitCategory.SICK_STAFF},{VisitCategory.SICK_FAMILY}"
HARDSHIP = f"{VisitCategory.HARDSHIP_STAFF},{VisitCategory.RETIRED}"
OTHERS = (
    (VisitCategory.COMMUNITY.value, _l("主动帮扶社区困难群众%(n)s")),
    (VisitCategory.ELDERLY_HOME.value, _l("到敬老院慰问老人%(n)s")),
)


def _visit_phrases(ctx: SectionContext) -> list[str]:
    phrases = []
    if ctx.value("care.visit_person_times", category=SICK).value:
        phrases.append(
            _("看望有病住院的教职工（家属）%(n)s") % {"n": fig("care.visit_person_times", category=SICK)}
        )
    if ctx.value("care.visit_person_times", category=HARDSHIP).value:
        phrases.append(
            _("节假日走访慰问困难教工和退休老同志%(n)s")
            % {"n": fig("care.visit_person_times", category=HARDSHIP)}
        )
    if ctx.value("care.student_families").value:
        phrases.append(
            _("走访困难学生家庭%(n)s，为学生带去学习用品和生活慰问品，并与家长交流学校教育教学情况")
            % {"n": fig("care.student_families")}
        )
    for category, phrase in OTHERS:
        if ctx.value("care.visit_person_times", category=category).value:
            phrases.append(phrase % {"n": fig("care.visit_person_times", category=category)})
    return phrases


@sections.register(
    "care.visits", part="basic", title=_l("送温暖、献爱心，让党的阳光普照每一个人的心灵"), order=35
)
def visits(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("care.visits").value:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周走访慰问%(n)s。") % {"n": fig("care.visit_person_times")})]
    text = _("服务师生是我们工作的出发点和落脚点，解决师生的困惑和困难是我们义不容辞的责任和义务。")
    phrases = _visit_phrases(ctx)
    if phrases:
        # "平日里" leads the everyday visits (the sick); the holiday visits say 节假日 themselves
        lead = _("平日里") if ctx.value("care.visit_person_times", category=SICK).value else ""
        text += lead + _("%(list)s，已是学校支部的常规工作。") % {"list": "，".join(phrases)}
    text += _("本期间共走访慰问%(n)s") % {"n": fig("care.visit_person_times")}
    if ctx.value("care.visit_money").value:
        text += _("，送去慰问金%(m)s") % {"m": fig("care.visit_money")}
    if ctx.document == "annual" and ctx.value("care.visit_person_times_yearly_min").value:
        text += _("，每年走访慰问都达%(y)s以上") % {"y": fig("care.visit_person_times_yearly_min")}
    return [Para(text + _("，带去了党组织对困难群体的关爱。"))]


@sections.register("care.calls", part="basic", title=_l("问寒问暖，关心退休老同志"), order=36)
def calls(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("care.retiree_calls").value:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周给退休教工打问寒问暖电话%(n)s。") % {"n": fig("care.retiree_calls")})]
    return [
        Para(
            _("学校办公室每月给退休教工打一次问寒问暖电话，本期间共致电%(n)s，涉及退休教职工%(r)s，"
              "认真倾听老同志反映的困难和意见，及时帮助解决。")
            % {"n": fig("care.retiree_calls"), "r": fig("care.retirees_called")}
        )
    ]  # fmt: skip


@sections.register("care.donations", part="basic", title=_l("献爱心捐款，帮助困难师生"), order=60)
def donations(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("care.donations_total").value:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周登记捐款%(t)s。") % {"t": fig("care.donations_total")})]
    parts = [
        _("党支部开展献爱心捐款活动%(d)s，号召大家纷纷行动起来，慷慨解囊")
        % {"d": fig("care.donation_drives")}
    ]
    if ctx.value("care.donations_own").value:
        parts.append(_("党员和教职工捐款%(o)s") % {"o": fig("care.donations_own")})
    if ctx.value("care.donations_outside").value:
        parts.append(_("党员又呼吁社会援助筹措资金%(x)s") % {"x": fig("care.donations_outside")})
    parts.append(_("合计%(t)s，解决了受助者的燃眉之急。") % {"t": fig("care.donations_total")})
    return [Para("，".join(parts))]
