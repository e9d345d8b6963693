"""What the 党务公开 board may publish from the pipeline: the 拟发展对象公示 — the names of the
发展对象 the branch committee has examined (支部委员会审查) and not yet put to the 支部大会. Names
only: no evidence, no dates of birth, no contact details."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import publishable

from . import selectors


@publishable.register(
    "development.candidates_notice", label=_l("拟发展对象公示"), perm="development.view", kind="notice"
)
def candidates_notice(org: Organisation, period: Period) -> list[publishable.Draft]:
    examined = selectors.awaiting_admission(org, period.start, period.end)
    if not examined:
        return []
    names = "、".join(step.person.name for step in examined)
    return [
        publishable.Draft(
            title=_("关于拟发展%(first)s等同志为中共预备党员的公示") % {"first": examined[0].person.name}
            if len(examined) > 1
            else _("关于拟发展%(first)s同志为中共预备党员的公示") % {"first": examined[0].person.name},
            body=_(
                "经支部委员会审查，拟发展%(names)s同志为中共预备党员，现予公示。公示期间，党员和群众如有意见，"
                "请向党支部反映。"
            )
            % {"names": names},
            kind="notice",
            source=",".join(f"development.developmentstep:{step.pk}" for step in examined),
        )
    ]
