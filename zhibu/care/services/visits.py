"""走访慰问: register and edit a visit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..audit_actions import CareAction
from ..models import STUDENT_FAMILY_LABEL, CareVisit, VisitCategory
from .common import all_of_branch, clean_money, not_future, of_branch, text

MAX_HEADCOUNT = 500


def student_family_name(pseudonym: str) -> str:
    return f"{STUDENT_FAMILY_LABEL}（{pseudonym}）" if pseudonym else STUDENT_FAMILY_LABEL


def _visited(org, category, visited_on, person, visited_name, pseudonym) -> tuple[Person | None, str]:
    """Who was visited. A student's family is never named: only "学生家庭" and a pseudonym."""
    if category == VisitCategory.STUDENT_FAMILY:
        if person is not None or (visited_name or "").strip():
            raise ValidationError(
                {"visited_name": _("走访困难学生家庭不登记学生或家长姓名，只填写代称（如：甲、A）")}
            )
        return None, student_family_name(text(pseudonym, "pseudonym", _("代称"), 10))
    person = of_branch(org, person, "person")
    name = text(visited_name, "visited_name", _("受慰问对象"), 60)
    if person is None and not name:
        raise ValidationError({"person": _("请选择受慰问人，或填写本单位以外的受慰问对象")})
    if person is not None:
        if category == VisitCategory.RETIRED and not person.is_retired:
            raise ValidationError({"person": _("%(name)s不是退休教职工") % {"name": person.name}})
        if person.birth_date and visited_on < person.birth_date:
            raise ValidationError(
                {
                    "visited_on": _("走访日期（%(day)s）早于%(name)s的出生日期（%(birth)s）")
                    % {"day": cn_date(visited_on), "name": person.name, "birth": cn_date(person.birth_date)}
                }
            )
        name = ""
    return person, name


def _fields(
    org: Organisation,
    *,
    category: str,
    visited_on: date | None,
    person: Person | None,
    visited_name: str,
    pseudonym: str,
    headcount: int | None,
    other_visitors: str,
    goods: str,
    money,
    notes: str,
) -> dict:
    if category not in VisitCategory.values:
        raise ValidationError({"category": _("请选择慰问对象类别")})
    day = not_future(visited_on, "visited_on", _("走访日期"))
    person, name = _visited(org, category, day, person, visited_name, pseudonym)
    count = 1 if headcount in (None, "") else headcount
    if person is not None and count != 1:
        raise ValidationError({"headcount": _("慰问本单位一名人员，人数为1")})
    if not 1 <= count <= MAX_HEADCOUNT:
        raise ValidationError({"headcount": _("慰问人数须在1到%(n)d之间") % {"n": MAX_HEADCOUNT}})
    return {
        "category": category,
        "visited_on": day,
        "person": person,
        "visited_name": name,
        "headcount": count,
        "other_visitors": text(other_visitors, "other_visitors", _("其他走访人员"), 200),
        "goods": text(goods, "goods", _("慰问物品"), 200),
        "money": clean_money(money, "money", _("慰问金（元）")),
        "notes": (notes or "").strip(),
    }


def _visitors(org: Organisation, visitors: Iterable[Person], other: str) -> list[Person]:
    people = all_of_branch(org, visitors, "visitors")
    if not people and not other:
        raise ValidationError({"visitors": _("请选择走访人员，或填写其他走访人员")})
    return people


@writes.service
def visit_create(
    *,
    actor,
    organisation: Organisation,
    category: str,
    visited_on: date | None,
    visitors: Iterable[Person] = (),
    person: Person | None = None,
    visited_name: str = "",
    pseudonym: str = "",
    headcount: int | None = 1,
    other_visitors: str = "",
    goods: str = "",
    money: Decimal | str = "0",
    notes: str = "",
) -> CareVisit:
    policy.require(actor, "care.edit", organisation)
    fields = _fields(
        organisation,
        category=category,
        visited_on=visited_on,
        person=person,
        visited_name=visited_name,
        pseudonym=pseudonym,
        headcount=headcount,
        other_visitors=other_visitors,
        goods=goods,
        money=money,
        notes=notes,
    )
    people = _visitors(organisation, visitors, fields["other_visitors"])
    visit = CareVisit(organisation=organisation, **fields)
    writes.model_create(
        visit, actor=actor, action=CareAction.VISIT_CREATED, extra={"visitors": [p.name for p in people]}
    )
    visit.visitors.set(people)
    return visit


@writes.service
def visit_update(
    *,
    actor,
    visit: CareVisit,
    version: int | None,
    category: str,
    visited_on: date | None,
    visitors: Iterable[Person] = (),
    person: Person | None = None,
    visited_name: str = "",
    pseudonym: str = "",
    headcount: int | None = 1,
    other_visitors: str = "",
    goods: str = "",
    money: Decimal | str = "0",
    notes: str = "",
) -> CareVisit:
    policy.require(actor, "care.edit", visit)
    org = visit.organisation
    fields = _fields(
        org,
        category=category,
        visited_on=visited_on,
        person=person,
        visited_name=visited_name,
        pseudonym=pseudonym,
        headcount=headcount,
        other_visitors=other_visitors,
        goods=goods,
        money=money,
        notes=notes,
    )
    people = _visitors(org, visitors, fields["other_visitors"])
    before = sorted(visit.visitors.values_list("name", flat=True))
    writes.model_update(
        visit,
        actor=actor,
        action=CareAction.VISIT_UPDATED,
        version=version,
        fields=fields,
        extra_before={"visitors": before},
        extra_after={"visitors": sorted(p.name for p in people)},
    )
    visit.visitors.set(people)
    return visit
