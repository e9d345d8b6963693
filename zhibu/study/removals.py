"""Study sessions, self-study tasks, notes and reading records can be removed (with a reason) into
the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

# A member removes her own note ("study.own"); the object rule keeps it to her own rows.
for model, get, perm, after, kind in [
    ("study.session", selectors.session_get, "study.edit", "study:index", _("集中学习")),
    ("study.task", selectors.task_get, "study.edit", "study:tasks", _("自学任务")),
    ("study.note", selectors.note_get, "study.own", "study:notes", _("学习笔记")),
    # A reading record: hers, or anyone's for officers (as study.services.common.require_own_or_edit).
    ("study.reading", selectors.reading_get, "study.reading.remove", "study:reading", _("读书记录")),
]:
    removals.register(model, get=get, perm=perm, after=after, kind=kind)
