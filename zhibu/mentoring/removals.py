"""A mentoring case or a student entered by mistake can be removed by the secretary into the 回收站.
The recycle bin lists them by pseudonym only and keeps their rows encrypted, like the live ones."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import access, selectors

removals.register(
    "mentoring.case",
    get=lambda user, pk: selectors.case_get(user, pk, access.MANAGE),
    perm=access.MANAGE,
    label=lambda c: f"{_('包教记录')}：{c.student.pseudonym}",
    after="mentoring:cases",
    kind=_("包教记录"),
)
removals.register(
    "mentoring.student",
    get=selectors.student_get,
    perm=access.MANAGE,
    label=lambda s: f"{_('包教学生')}：{s.pseudonym}",
    after="mentoring:students",
    kind=_("包教学生"),
)
