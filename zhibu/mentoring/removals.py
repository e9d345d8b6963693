"""A mentoring case or a student entered by mistake can be removed by the secretary into the 回收站;
a log by the secretary, or by its author while it is still hers to rewrite (access.LOG_REMOVE), its
revisions and attachments going with it (their foreign keys cascade) and coming back on a restore.
The recycle bin lists them by pseudonym only and keeps their rows encrypted, like the live ones."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import access, selectors


def _case_get(user, pk):
    return selectors.case_get(user, pk, access.MANAGE)


def _case_label(case) -> str:
    return f"{_('包教记录')}：{case.student.pseudonym}"


def _log_label(log) -> str:
    # The pseudonym and the day, never the student's name nor the log's text: the label is plain.
    return f"{_('包教日志')}：{log.case.student.pseudonym} {log.on:%Y-%m-%d}"


def _student_label(student) -> str:
    return f"{_('包教学生')}：{student.pseudonym}"


for model, get, perm, after, kind, label in [
    ("mentoring.case", _case_get, access.MANAGE, "mentoring:cases", _("包教记录"), _case_label),
    (
        "mentoring.mentoringlog",
        selectors.log_get,
        access.LOG_REMOVE,
        "mentoring:cases",
        _("包教日志"),
        _log_label,
    ),
    (
        "mentoring.student",
        selectors.student_get,
        access.MANAGE,
        "mentoring:students",
        _("包教学生"),
        _student_label,
    ),
]:
    removals.register(model, get=get, perm=perm, after=after, kind=kind, label=label)
