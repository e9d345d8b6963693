"""Study sessions, self-study tasks and notes can be removed (with a reason) into the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

# A member removes her own note ("study.own"); the object rule keeps it to her own rows.
for model, get, perm, after, kind in [
    ("study.session", selectors.session_get, "study.edit", "study:index", _("集中学习")),
    ("study.task", selectors.task_get, "study.edit", "study:tasks", _("自学任务")),
    ("study.note", selectors.note_get, "study.own", "study:notes", _("学习笔记")),
]:
    removals.register(model, get=get, perm=perm, after=after, kind=kind)
