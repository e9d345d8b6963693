"""A mentoring case or a student entered by mistake can be removed by the secretary into the 回收站.
The recycle bin lists them by pseudonym only and keeps their rows encrypted, like the live ones."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import access, selectors


def _case_get(user, pk):
    return selectors.case_get(user, pk, access.MANAGE)


def _case_label(case) -> str:
    return f"{_('包教记录')}：{case.student.pseudonym}"


def _student_label(student) -> str:
    return f"{_('包教学生')}：{student.pseudonym}"


for model, get, after, kind, label in [
    ("mentoring.case", _case_get, "mentoring:cases", _("包教记录"), _case_label),
    ("mentoring.student", selectors.student_get, "mentoring:students", _("包教学生"), _student_label),
]:
    removals.register(model, get=get, perm=access.MANAGE, after=after, kind=kind, label=label)
