"""The service ledger's paragraphs in the seed's register — 一.2 "参加校园义务劳动5次……党员义工主动
为学困生义务补课200余次", 一.6 "建立了班级联系点制度……学校领导主动帮扶两名困难群众", 一.10 "阳光协作班" —
drafted from figures, so each number links to its records. Names (the group's leader, the partner
school) come from the records; a practice with no records this period is left out."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

from . import selectors
from .models import CAMPUS_LABOUR, EventKind

sections.label_ledger("service", _l("志愿服务与结对"))
sections.remedy(
    "service.class_without_liaison", _l("落实班级联系点制度，每个联系点班级每学期都有一名支委联系。")
)
sections.remedy(
    "service.liaison_no_contact", _l("支委每月深入联系班级，定期与班主任交流、与学生谈话，做到月月有记录。")
)


def _v(ctx: SectionContext, code: str, **params) -> bool:
    return bool(ctx.value(code, **params).value)


def _campus(org: Organisation, period: Period, ctx: SectionContext) -> str:
    if not _v(ctx, "service.campus_labour"):
        return ""
    kinds = selectors.kinds_held(org, period.start, period.end, CAMPUS_LABOUR)
    named = "、".join(str(EventKind(k).label) for k in CAMPUS_LABOUR if k in kinds and k != EventKind.CAMPUS)
    text = _("参加校园义务劳动%(n)s") % {"n": fig("service.campus_labour")}
    if named:
        text += _("，师生共同%(kinds)s成了校园一道独特的风景") % {"kinds": named}
    return text + "。"


def _tutoring(ctx: SectionContext) -> str:
    if not _v(ctx, "service.tutoring_sessions"):
        return ""
    text = _("党员义工主动为学困生义务补课%(n)s") % {"n": fig("service.tutoring_sessions")}
    if _v(ctx, "service.tutoring_hours"):
        text += _("，累计%(h)s") % {"h": fig("service.tutoring_hours")}
    if _v(ctx, "service.tutoring_students"):
        text += _("，辅导学生%(s)s") % {"s": fig("service.tutoring_students")}
    return text + "。"


def _groups(org: Organisation, period: Period, ctx: SectionContext) -> str:
    if not _v(ctx, "service.group_activities"):
        return ""
    parts = []
    for group in selectors.groups_active(org, period.start, period.end):
        titles = "、".join(selectors.group_titles(group, period.start, period.end))
        he = _("他") if group.leader.gender == "M" else _("她")
        parts.append(
            _(
                "%(leader)s是%(group)s的主要负责人，%(he)s组织社会上的诸多爱心人士参加了许多义务服务活动，如%(titles)s等等"
            )
            % {"leader": group.leader.name, "group": group.name, "he": he, "titles": titles}
        )
    return _("其中我校%(groups)s，共开展活动%(n)s。") % {
        "groups": "；".join(parts),
        "n": fig("service.group_activities"),
    }


def _civic(org: Organisation, period: Period, ctx: SectionContext) -> str:
    if not _v(ctx, "service.civic_actions"):
        return ""
    campaign = selectors.campaign_of(org, period.start, period.end)
    said = []
    if _v(ctx, "service.civic_actions", kind="park"):
        said.append(_("去公园收拾卫生%(n)s") % {"n": fig("service.civic_actions", kind="park")})
    if _v(ctx, "service.civic_actions", kind="community"):
        said.append(
            _("清扫自己居住的小区环境卫生%(n)s") % {"n": fig("service.civic_actions", kind="community")}
        )
    if _v(ctx, "service.civic_actions", kind="civility"):
        said.append(_("开展文明使者活动%(n)s") % {"n": fig("service.civic_actions", kind="civility")})
    lead = _("党员结合“%(c)s”活动利用休息时间") % {"c": campaign} if campaign else _("党员利用休息时间")
    return lead + "，".join(said) + _("，得到了周边群众的好评。")


@sections.register("service.volunteering", part="basic", title=_l("参加义务劳动，开展志愿服务"), order=25)
def volunteering(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        said = []
        if _v(ctx, "service.volunteer_events"):
            said.append(_("开展志愿服务%(n)s") % {"n": fig("service.volunteer_events")})
        if _v(ctx, "service.tutoring_sessions"):
            said.append(_("义务补课%(n)s") % {"n": fig("service.tutoring_sessions")})
        return [Para(_("本周") + "，".join(said) + "。")] if said else []
    labour = _campus(org, period, ctx) + _tutoring(ctx) + _groups(org, period, ctx) + _civic(org, period, ctx)
    if not labour:
        return []
    paras = [Para(labour)]
    if _v(ctx, "service.volunteer_hours"):
        paras.append(
            Para(
                _("全期共开展志愿服务活动%(n)s，党员和教职工参加%(p)s，累计服务%(h)s。")
                % {
                    "n": fig("service.volunteer_events"),
                    "p": fig("service.volunteer_people"),
                    "h": fig("service.volunteer_hours"),
                }
            )
        )
    return paras


@sections.register("service.care", part="basic", title=_l("办实事、解民忧、惠民生"), order=45)
def care(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        if not _v(ctx, "service.liaison_contacts"):
            return []
        return [Para(_("本周支委联系班级%(k)s。") % {"k": fig("service.liaison_contacts")})]
    paras = []
    if _v(ctx, "service.liaisons"):
        paras.append(
            Para(
                _(
                    "建立了班级联系点制度，支部委员%(m)s每人深入一个班级，共联系班级%(c)s，协助班级做好日常管理和"
                    "学生教育工作，定期和班主任交流工作，和学生谈话，指导班级工作，联系班级%(k)s。"
                )
                % {
                    "m": fig("service.liaison_members"),
                    "c": fig("service.liaisons"),
                    "k": fig("service.liaison_contacts"),
                }
            )
        )
    if _v(ctx, "service.assistance_pairs"):
        text = _("学校领导主动帮扶困难群众%(p)s") % {"p": fig("service.assistance_pairs")}
        if _v(ctx, "service.assistance_visits"):
            text += _("，不定期的到家中探望慰问%(v)s") % {"v": fig("service.assistance_visits")}
        if _v(ctx, "service.assistance_money"):
            text += _("，捐物捐钱%(m)s") % {"m": fig("service.assistance_money")}
        paras.append(Para(text + _("，给予他们很大的精神鼓励和物质帮助。")))
    return paras


@sections.register("service.partners", part="basic", title=_l("携手共建“阳光协作班”，发挥辐射作用"), order=60)
def partners(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        if not _v(ctx, "service.partner_sessions"):
            return []
        return [Para(_("本周开展阳光协作班活动%(n)s。") % {"n": fig("service.partner_sessions")})]
    if not (_v(ctx, "service.partner_classes") or _v(ctx, "service.partner_sessions")):
        return []
    opened = [
        _("%(day)s，我校与%(school)s%(name)s开班仪式正式启动")
        % {"day": cn_date(p.opened_on), "school": p.partner_school, "name": p.name}
        for p in selectors.partners_of(org, period.start, period.end)
    ]
    text = _("我校与市中小学携手共建“阳光协作班”%(n)s") % {"n": fig("service.partner_classes")}
    if opened:
        text += "。" + "；".join(opened)
    if _v(ctx, "service.partner_sessions"):
        text += _(
            "。开班以来共开展协作活动%(s)s，通过双方的密切配合，共同开展育人活动，不断提高问题学生的教育转化效果"
        ) % {"s": fig("service.partner_sessions")}
    return [Para(text + "。")]
