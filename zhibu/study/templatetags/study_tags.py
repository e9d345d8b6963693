"""The study pages' tab strip, showing only tabs the user may open (policy decides, not the template)."""

from django import template
from django.utils.translation import gettext_lazy as _

from zhibu.core import policy

register = template.Library()

TABS = (
    ("study:index", _("集中学习"), "study.view"),
    ("study:tasks", _("布置自学"), "study.view"),
    ("study:reading", _("读书"), "study.view"),
    ("study:notes", _("学习笔记"), "study.people"),
    ("study:checks", _("笔记检查"), "study.check"),
    ("study:settings", _("学习要求"), "study.settings"),
)


@register.inclusion_tag("study/_tabs.html", takes_context=True)
def study_tabs(context, org):
    user = context["request"].user
    tabs = [(name, label) for name, label, perm in TABS if policy.has_perm(user, perm, org)]
    return {"org": org, "tabs": tabs, "current": context["request"].resolver_match.view_name}
