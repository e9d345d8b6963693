"""A survey (with its questions and answers) can be removed, with a reason, into the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "surveys.survey",
    get=selectors.survey_get,
    perm="surveys.manage",
    after="surveys:index",
    kind=_("满意度测评"),
)
