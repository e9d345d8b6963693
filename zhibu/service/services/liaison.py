"""班级联系点: classes, a committee member linked to a class for a term, and her contacts."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, cn_date
from zhibu.people import selectors as people_selectors

from ..audit_actions import ServiceAction
from ..models import ContactKind, Liaison, LiaisonClass, LiaisonContact
from .common import not_future, person_in, required_text


@writes.service
def class_create(*, actor, organisation: Organisation, name: str) -> LiaisonClass:
    policy.require(actor, "service.edit", organisation)
    name = required_text(name, "name", _("班级"), 30)
    if LiaisonClass.objects.filter(organisation=organisation, name=name).exists():
        raise ValidationError({"name": _("班级“%(n)s”已登记") % {"n": name}})
    row = LiaisonClass(organisation=organisation, name=name)
    return writes.model_create(row, actor=actor, action=ServiceAction.CLASS_CREATED)


def term_of(term_start: date | None) -> Period:
    """The term beginning on `term_start` (1 Sep or 1 Feb)."""
    if term_start is None:
        raise ValidationError({"term_start": _("请选择学期")})
    term = Period.term_of(term_start)
    if term is None or term.start != term_start:
        raise ValidationError({"term_start": _("%(d)s不是学期的第一天") % {"d": cn_date(term_start)}})
    return term


def _liaison_fields(org: Organisation, person: Person | None, data: dict, pk: int | None = None) -> dict:
    person = person_in(org, person, "person", _("支委"))
    term = term_of(data.get("term_start"))
    if not people_selectors.committee_during(org, term.start, term.end).filter(person=person).exists():
        raise ValidationError(
            {
                "person": _("%(n)s在%(t)s不是支部委员，不能担任班级联系人")
                % {"n": person.name, "t": term.label}
            }
        )
    school_class = data.get("school_class")
    if school_class is None or school_class.organisation_id != org.pk:
        raise ValidationError({"school_class": _("请选择本支部的联系点班级")})
    taken = Liaison.objects.filter(school_class=school_class, term_start=term.start).exclude(pk=pk)
    if taken.exists():
        raise ValidationError(
            {"school_class": _("%(c)s在%(t)s已有联系人") % {"c": school_class.name, "t": term.label}}
        )
    return {
        "person": person,
        "school_class": school_class,
        "term_start": term.start,
        "head_teacher": (data.get("head_teacher") or "").strip()[:30],
    }


@writes.service
def liaison_create(*, actor, organisation: Organisation, person: Person | None, **data) -> Liaison:
    """Link a committee member to a class for a term; someone not on the committee then is refused."""
    policy.require(actor, "service.edit", organisation)
    row = Liaison(organisation=organisation, **_liaison_fields(organisation, person, data))
    return writes.model_create(row, actor=actor, action=ServiceAction.LIAISON_CREATED)


@writes.service
def liaison_update(*, actor, liaison: Liaison, version: int | None, person: Person | None, **data) -> Liaison:
    policy.require(actor, "service.edit", liaison)
    fields = _liaison_fields(liaison.organisation, person, data, pk=liaison.pk)
    return writes.model_update(
        liaison, actor=actor, action=ServiceAction.LIAISON_UPDATED, version=version, fields=fields
    )


@writes.service
def contact_create(*, actor, liaison: Liaison, contacted_on, kind: str, content: str) -> LiaisonContact:
    """A contact with the head teacher or the students, inside the liaison's term."""
    policy.require(actor, "service.edit", liaison)
    day = not_future(contacted_on, "contacted_on", _("联系日期"))
    term = term_of(liaison.term_start)
    if day not in term:
        raise ValidationError({"contacted_on": _("联系日期不在%(t)s内") % {"t": term.label}})
    if kind not in ContactKind.values:
        raise ValidationError({"kind": _("请选择联系方式")})
    contact = LiaisonContact(
        organisation=liaison.organisation,
        liaison=liaison,
        contacted_on=day,
        kind=kind,
        content=required_text(content, "content", _("主要内容"), 200),
    )
    return writes.model_create(contact, actor=actor, action=ServiceAction.CONTACT_CREATED)
