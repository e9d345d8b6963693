"""The service ledger's .xlsx/.csv exports over (organisation, period): events with each
participant, tutoring sessions, assistance visits, liaison contacts. Cells go through the shared
writer, which escapes formulas."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import ServiceAction


class PeriodExporter(ListExporter):
    headers: tuple = ()

    def __init__(self, org, *, start: str, end: str):
        self.org = org
        self.title = str(self.title)
        self.start, self.end = date.fromisoformat(start), date.fromisoformat(end)
        self.filename = f"{org.name}{self.title}{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def rows(self) -> Iterator[Sequence[Any]]:
        raise NotImplementedError

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [str(h) for h in self.headers]
        yield from self.rows()


class EventsExporter(PeriodExporter):
    title = _l("志愿服务台账")
    headers = (
        _l("活动日期"),
        _l("活动类别"),
        _l("活动内容"),
        _l("地点"),
        _l("所属主题活动"),
        _l("参加人员"),
        _l("服务时长（小时）"),
    )

    def rows(self):
        for p in selectors.participations_of(self.org, self.start, self.end):
            e = p.event
            yield [e.held_on, e.get_kind_display(), e.title, e.place, e.campaign, p.person.name, p.hours]


class TutoringExporter(PeriodExporter):
    title = _l("义务补课台账")
    headers = (_l("补课日期"), _l("补课党员"), _l("科目"), _l("学生人数"), _l("时长（分钟）"), _l("备注"))

    def rows(self):
        for s in selectors.tutoring_of(self.org, self.start, self.end):
            yield [s.held_on, s.tutor.name, s.subject, s.students, s.minutes, s.note]


class VisitsExporter(PeriodExporter):
    title = _l("帮扶走访台账")
    headers = (_l("走访日期"), _l("帮扶人"), _l("帮扶对象"), _l("帮扶内容"), _l("捐款金额（元）"))

    def rows(self):
        for v in selectors.visits_of(self.org, self.start, self.end):
            yield [v.visited_on, v.pair.helper.name, v.pair.household, v.help_given, v.money]


class ContactsExporter(PeriodExporter):
    title = _l("班级联系点台账")
    headers = (_l("联系日期"), _l("班级"), _l("支委"), _l("联系方式"), _l("主要内容"))

    def rows(self):
        for c in selectors.contacts_of(self.org, self.start, self.end):
            yield [
                c.contacted_on,
                c.liaison.school_class.name,
                c.liaison.person.name,
                c.get_kind_display(),
                c.content,
            ]


EXPORTERS: dict[str, Callable] = {}
for _key, _cls, _desc in [
    ("events", EventsExporter, _l("志愿服务活动及每名参加人员的服务时长。")),
    ("tutoring", TutoringExporter, _l("党员义务补课，每次一行，不含学生姓名。")),
    ("visits", VisitsExporter, _l("帮扶结对的走访与捐款。")),
    ("contacts", ContactsExporter, _l("支委联系班级的联系记录。")),
]:
    EXPORTERS[_key] = exporters.register(
        f"service.{_key}",
        label=_cls.title,
        formats=("xlsx", "csv"),
        perm="service.view",
        action=ServiceAction.EXPORTED,
        build=_cls,
        description=_desc,
    )


def exporter(what: str):
    return EXPORTERS.get(what)
