"""Study sessions, self-study tasks and notes can be removed (with a reason) into the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "study.session",
    get=selectors.session_get,
    perm="study.edit",
    label=lambda s: f"{_('集中学习')}：{s}",
    after="study:index",
    kind=_("集中学习"),
)
removals.register(
    "study.task",
    get=selectors.task_get,
    perm="study.edit",
    label=lambda t: f"{_('自学任务')}：{t}",
    after="study:tasks",
    kind=_("自学任务"),
)
removals.register(
    "study.note",
    get=selectors.note_get,
    perm="study.own",  # a member removes her own note; the object rule keeps it to her own rows
    label=lambda n: f"{_('学习笔记')}：{n}",
    after="study:notes",
    kind=_("学习笔记"),
)
