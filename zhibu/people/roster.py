"""The roster (花名册) as a spreadsheet: the import spec, the row → person rules, and the exporter.

Writes live in services/roster.py; this module only declares and reads.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import idnumbers
from zhibu.core.models import Organisation, PartyStatus, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import cn_date
from zhibu.core.spreadsheets import writing as exports
from zhibu.core.spreadsheets.cells import (
    bool_cell,
    choice_cell,
    date_cell,
    id_number_cell,
    name_cell,
    phone_cell,
    text_cell,
)
from zhibu.core.spreadsheets.reading import Column, ImportResult, ImportSpec, ParsedRow
from zhibu.core.strokes import name_sort_key

# 人员类别: where someone stands towards the unit. "否" under a 是否在职 header means "not serving":
# a retiree of the unit when 是否退休 says so, otherwise someone from outside it.
SERVING, RETIRED, EXTERNAL, NOT_SERVING = "serving", "retired", "external", "not_serving"
CATEGORY_LABELS = {"在职": SERVING, "退休": RETIRED, "非本单位": EXTERNAL}
CATEGORY_ALIASES = {
    "在编": SERVING,
    "是": SERVING,
    "离退休": RETIRED,
    "离休": RETIRED,
    "外单位": EXTERNAL,
    "否": NOT_SERVING,
}
ADULT_AGE = 18
EXAMPLE_ID = idnumbers.with_check_digit("11010519850615002")


def status_labels() -> dict[str, str]:
    """Chinese labels users write under 政治面貌, including the forms official lists use."""
    labels = {str(label): value for value, label in PartyStatus.choices}
    labels.update(
        {
            "中共党员": PartyStatus.FULL,
            "党员": PartyStatus.FULL,
            "中共预备党员": PartyStatus.PROBATIONARY,
            "积极分子": PartyStatus.ACTIVIST,
            "共青团员": PartyStatus.NONE,
            "团员": PartyStatus.NONE,
        }
    )
    return labels


@functools.cache
def roster_spec() -> ImportSpec:
    # Built on first use: the status labels are translated strings, not available at import time.
    statuses = status_labels()
    shown_statuses = (
        "中共党员",
        "中共预备党员",
        "发展对象",
        "入党积极分子",
        "入党申请人",
        "共青团员",
        "群众",
    )
    return ImportSpec(
        code="people.roster",
        title=_("花名册"),
        columns=(
            Column("name", _("姓名"), name_cell(50), required=True, example="王丽华", help=_("必填。")),
            Column(
                "gender",
                _("性别"),
                choice_cell({"男": "M", "女": "F", "男性": "M", "女性": "F"}, ("男", "女")),
                required=True,
                example="女",
                choices=("男", "女"),
                help=_("必填，填“男”或“女”。"),
            ),
            Column(
                "birth_date",
                _("出生日期"),
                date_cell(allow_month=True),
                aliases=("出生年月", "出生年月日", "生日"),
                example="1985-06-15",
                help=_(
                    "如1985-06-15、1985/6/15、1985年6月15日；只写年月（1985.06）也可。填了身份证号可不填。"
                ),
            ),
            Column(
                "id_number",
                _("身份证号"),
                id_number_cell(),
                aliases=("公民身份号码", "身份证号码", "身份证", "证件号码"),
                unique=True,
                example=EXAMPLE_ID,
                text_format=True,
                help=_("18位，末位可为X。请把该列设为“文本”格式，否则Excel会把后几位变成0。"),
            ),
            Column(
                "phone",
                _("联系电话"),
                phone_cell(),
                aliases=("手机", "手机号", "手机号码", "电话", "联系方式"),
                example="13800000000",
                text_format=True,
            ),
            Column(
                "party_status",
                _("政治面貌"),
                choice_cell(statuses, shown_statuses),
                required=True,
                example="中共党员",
                choices=shown_statuses,
                help=_(
                    "必填：中共党员（正式党员）、中共预备党员、发展对象、入党积极分子、入党申请人、群众。"
                ),
            ),
            Column(
                "status_since",
                _("政治面貌起始日期"),
                date_cell(allow_month=True),
                aliases=("入党时间", "入党日期", "入党年月", "起始日期"),
                example="2010-07-01",
                help=_("党员填入党时间；积极分子等填确定为该身份的日期。政治面貌不是群众时必填。"),
            ),
            Column(
                "unit",
                _("工作单位"),
                text_cell(100),
                aliases=("单位", "所在单位", "工作单位及职务"),
                help=_("不填则为本支部所在单位。"),
            ),
            Column(
                "category",
                _("人员类别"),
                choice_cell({**CATEGORY_LABELS, **CATEGORY_ALIASES}, tuple(CATEGORY_LABELS)),
                aliases=("是否在职", "在职情况", "人员状态"),
                default=SERVING,
                example="在职",
                choices=tuple(CATEGORY_LABELS),
                help=_("在职、退休或非本单位；不填为在职。也可用“是否在职”列填“是/否”。"),
            ),
            Column(
                "is_retired",
                _("是否退休"),
                bool_cell(),
                aliases=("退休",),
                help=_("填“是”或“否”；与“人员类别”二选一即可。"),
            ),
        ),
    )


@dataclass
class PersonRow:
    row: int
    data: dict[str, Any]
    party_status: str
    status_since: dt.date | None


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _birth_date(result: ImportResult, row: ParsedRow) -> dt.date | None:
    """The birth date column checked against the ID number, which wins when both are given."""
    given: dt.date | None = row.values["birth_date"]
    number = row.values["id_number"]
    if not number:
        return given
    if not row.usable("birth_date"):
        return idnumbers.birth_date(number)
    from_id = idnumbers.birth_date(number)
    # A first-of-month date may be a year-and-month entry (出生年月 1985.06): compare the month only.
    same_month = (
        given is not None and given.day == 1 and (given.year, given.month) == (from_id.year, from_id.month)
    )
    if given is not None and given != from_id and not same_month:
        reason = _("与身份证号中的出生日期（%(d)s）不一致") % {"d": cn_date(from_id)}
        result.add_error(row.row, "birth_date", reason)
    return from_id


def _check_gender(result: ImportResult, row: ParsedRow) -> None:
    number, gender = row.values["id_number"], row.values["gender"]
    if number and gender and row.usable("id_number", "gender"):
        expected = "M" if int(number[16]) % 2 else "F"
        if gender != expected:
            shown = _("男") if expected == "M" else _("女")
            result.add_error(row.row, "gender", _("与身份证号不一致（身份证号表示%(g)s性）") % {"g": shown})


def _status_since(result: ImportResult, row: ParsedRow, birth: dt.date | None) -> dt.date | None:
    status, since = row.values["party_status"], row.values["status_since"]
    if status in (None, PartyStatus.NONE) or not row.usable("party_status", "status_since"):
        return None
    label = str(PartyStatus(status).label)
    if since is None:
        reason = _("政治面貌为“%(s)s”时须填写政治面貌起始日期（党员即入党时间）") % {"s": label}
        result.add_error(row.row, "status_since", reason, label=_("政治面貌起始日期"))
        return None
    if birth and since < birth:
        result.add_error(row.row, "status_since", _("早于出生日期"))
    elif birth and status in MEMBER_STATUSES and _age_on(birth, since) < ADULT_AGE:
        result.add_error(row.row, "status_since", _("入党时未满18周岁，请核对出生日期和入党时间"))
    return since


def _staff_flags(row: ParsedRow) -> tuple[bool, bool]:
    """(is_staff_member, is_retired) from 人员类别 and 是否退休."""
    category = row.values["category"] or SERVING
    retired = category == RETIRED or bool(row.values["is_retired"])
    if category == NOT_SERVING:
        return retired, retired
    return category != EXTERNAL, retired


def person_rows(result: ImportResult, organisation: Organisation) -> list[PersonRow]:
    """Cross-field checks of every parsed row; problems go into result.errors."""
    people = []
    for row in result.rows:
        birth = _birth_date(result, row)
        _check_gender(result, row)
        since = _status_since(result, row, birth)
        is_staff, is_retired = _staff_flags(row)
        data = {
            "name": row.values["name"],
            "gender": row.values["gender"],
            "birth_date": birth,
            "id_number": row.values["id_number"] or "",
            "phone": row.values["phone"] or "",
            "unit": row.values["unit"] or organisation.unit_name,
            "is_staff_member": is_staff,
            "is_retired": is_retired,
        }
        people.append(PersonRow(row.row, data, row.values["party_status"] or PartyStatus.NONE, since))
    return people


# --- export ---------------------------------------------------------------------------------


def roster_for_export(organisation: Organisation) -> QuerySet[Person]:
    """Everyone on the roster of the organisation's subtree, with the date of their current status."""
    return (
        Person.objects.filter(organisation__in=organisation.subtree())
        .select_related("organisation")
        .annotate(status_since=Max("status_changes__since"))
    )


def roster_size(organisation: Organisation) -> int:
    """How many rows the roster export will have: one COUNT, to decide download or background job."""
    return Person.objects.filter(organisation__in=organisation.subtree()).count()


def category_label(person: Person) -> str:
    if not person.is_staff_member:
        return _("非本单位")
    return _("退休") if person.is_retired else _("在职")


class RosterExporter(exports.ListExporter):
    """The roster 按姓氏笔画, with ID numbers masked: a full ID number never leaves the system."""

    def __init__(self, organisation: Organisation, people: QuerySet[Person] | None = None):
        self.organisation = organisation
        self.people = people if people is not None else roster_for_export(organisation)
        today = timezone.localdate()
        self.title = _("花名册")
        self.filename = _("%(org)s人员名册%(day)s") % {"org": organisation.name, "day": f"{today:%Y%m%d}"}
        self.note = _(
            "%(org)s人员名册（%(day)s导出，按姓氏笔画排序）。身份证号已隐去中间8位，导出文件不含完整身份证号。"
        ) % {"org": organisation.name, "day": cn_date(today)}

    def header(self) -> Sequence[str]:
        return (
            _("序号"),
            _("姓名"),
            _("性别"),
            _("出生日期"),
            _("身份证号（已隐去中间8位）"),
            _("联系电话"),
            _("政治面貌"),
            _("政治面貌起始日期"),
            _("工作单位"),
            _("人员类别"),
            _("离开日期"),
            _("所在党组织"),
        )

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield self.header()
        people = sorted(self.people, key=lambda p: name_sort_key(p.name))
        self.total = len(people)
        for number, person in enumerate(people, start=1):
            yield (
                number,
                person.name,
                person.get_gender_display(),
                person.birth_date,
                person.id_number_masked,
                person.phone,
                person.get_party_status_display(),
                person.status_since if person.party_status != PartyStatus.NONE else None,
                person.unit,
                category_label(person),
                person.left_on,
                person.organisation.name,
            )
