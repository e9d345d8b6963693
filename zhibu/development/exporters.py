"""The 发展党员工作台账 as .xlsx (or .csv): one row per person in the pipeline, the date of each
step, the contacts and introducers, the next step and its eligible or due day. Cells go through the
shared writer, which escapes formulas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import DevelopmentAction
from .models import Step

STATES = {"overdue": _l("已超期"), "eligible": _l("可办理"), "waiting": _l("未到期"), "none": _l("无记录")}
CHUNK = 500


class PipelineExporter(ListExporter):
    def __init__(self, org: Organisation):
        self.org = org
        self.today = timezone.localdate()
        self.title = _("发展党员工作台账")
        self.filename = f"{org.name}发展党员工作台账{self.today:%Y-%m-%d}"
        self.note = _("按《中国共产党发展党员工作细则》登记；“下一环节”的期限按登记之日施行的规定计算。")

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        milestones = [s for s in Step.values if s != Step.REVIEW]
        yield [
            _("姓名"),
            _("所在党组织"),
            _("政治面貌"),
            *(Step(s).label for s in milestones),
            _("考察次数"),
            _("培养联系人"),
            _("入党介绍人"),
            _("下一环节"),
            _("可办理日期"),
            _("最迟日期"),
            _("状态"),
        ]
        people = selectors.pipeline_people(self.org)
        book = selectors.rulebook()
        self.total = people.count()
        for offset in range(0, self.total, CHUNK):
            for row in selectors.pipeline_rows(people[offset : offset + CHUNK], self.today, book):
                by_step = {s.step: s for s in row.steps}
                sponsors = {s.step: "、".join(p.name for p in s.sponsors.all()) for s in row.steps}
                nxt = row.next
                yield [
                    row.person.name,
                    row.person.organisation.name,
                    row.person.get_party_status_display(),
                    *(by_step[s].day if s in by_step else None for s in milestones),
                    sum(1 for s in row.steps if s.step == Step.REVIEW),
                    sponsors.get(Step.ACTIVIST, ""),
                    sponsors.get(Step.ADMISSION, ""),
                    nxt.label if nxt else "",
                    nxt.eligible_from if nxt else None,
                    nxt.due if nxt else None,
                    str(STATES[row.state]),
                ]


def _count(org: Organisation) -> int:
    return selectors.pipeline_people(org).count()


PIPELINE = exporters.register(
    "development.pipeline",
    label=_l("发展党员工作台账"),
    formats=("xlsx", "csv"),
    perm="development.view",
    action=DevelopmentAction.PIPELINE_EXPORTED,
    build=PipelineExporter,
    background=exporters.rows_over_threshold(_count),
    description=_l("发展党员各环节的日期、培养联系人和入党介绍人，以及下一环节的期限。"),
)
