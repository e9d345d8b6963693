from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import navigation

navigation.register(
    _("我的积分"), "appraisal:points_mine", perm="appraisal.points.own", group="appraisal", order=70
)
navigation.register(
    _("积分排名"), "appraisal:ranking", perm="appraisal.points.view", group="appraisal", order=71
)
navigation.register(
    _("积分规则"), "appraisal:rules", perm="appraisal.points.manage", group="appraisal", order=72
)
navigation.register(_("民主评议"), "appraisal:appraisals", perm="appraisal.view", group="appraisal", order=73)
navigation.register(_("我的评议"), "appraisal:mine", perm="appraisal.take_part", group="appraisal", order=74)
