"""A points rule and a manual adjustment can be removed (with a reason) into the 回收站: the points
they gave disappear from every total at once, since totals are always computed. Appraisal rows
are the year's record and are not removed; a wrong decision is corrected by deciding again."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "appraisal.pointrule", get=selectors.rule_get, perm="appraisal.points.manage", after="appraisal:rules",
    kind=_("积分规则"),
)  # fmt: skip
removals.register(
    "appraisal.pointadjustment", get=selectors.adjustment_get, perm="appraisal.points.manage",
    after="appraisal:ranking", kind=_("积分调整"),
)  # fmt: skip
