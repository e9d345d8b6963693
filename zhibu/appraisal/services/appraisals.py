"""民主评议党员, once a year: the branch opens the year (one row per member), each member writes
her self-assessment and rates the others (once each, never herself), the branch decides each
member's result — 优秀 for at most a third of the members appraised."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.fields import optional_text, required_text
from zhibu.core.models import Organisation
from zhibu.people import selectors as people_selectors

from ..audit_actions import AppraisalAction
from ..models import Appraisal, PeerRating, Rating

MAX_TEXT = 3000


def _year(year: int | None) -> int:
    today = timezone.localdate()
    if not year:
        raise ValidationError({"year": _("请填写年度")})
    if not 2000 <= year <= today.year:
        raise ValidationError({"year": _("年度须在2000年至%(y)d年之间") % {"y": today.year}})
    return year


def excellent_limit(members: int) -> int:
    """优秀 no more than one third of the members appraised: 3 of 9, 3 of 11, 4 of 12."""
    return members // 3


@writes.service
def appraisal_open(*, actor, organisation: Organisation, year: int | None) -> int:
    """Open the year's appraisal: a row for every member of the branch on the year's last day (or
    today, in the current year) without one yet. Returns how many were added."""
    policy.require(actor, "appraisal.manage", organisation)
    year = _year(year)
    day = min(date(year, 12, 31), timezone.localdate())
    members = list(people_selectors.members_on(organisation, day).order_by("name_strokes", "pk"))
    if not members:
        raise ValidationError({"year": _("%(y)d年本支部没有党员，无法开展民主评议") % {"y": year}})
    have = set(Appraisal.objects.filter(year=year, person__in=members).values_list("person_id", flat=True))
    added = 0
    for person in members:
        if person.pk in have:
            continue
        row = Appraisal(organisation=organisation, year=year, person=person)
        writes.model_create(row, actor=actor, action=AppraisalAction.APPRAISAL_OPENED)
        added += 1
    return added


@writes.service
def self_assess(*, actor, appraisal: Appraisal, version: int | None, self_assessment: str) -> Appraisal:
    """The member's own self-assessment of the year, until the branch has decided."""
    policy.require(actor, "appraisal.take_part", appraisal)
    if actor.person_id != appraisal.person_id:
        raise PermissionDenied(_("只能填写自己的自我评价"))
    if appraisal.decision:
        raise ValidationError({"self_assessment": _("评议结果已确定，不能再修改自我评价")})
    text = required_text(self_assessment, "self_assessment", _("自我评价"), MAX_TEXT)
    return writes.model_update(
        appraisal, actor=actor, action=AppraisalAction.SELF_ASSESSED, version=version,
        fields={"self_assessment": text},
    )  # fmt: skip


@writes.service
def ratings_record(*, actor, organisation: Organisation, year: int, ratings: Mapping[Appraisal, str]) -> int:
    """A member's ratings of others in the year's appraisal, all or nothing: never of herself,
    once per ratee (a second rating is refused, also when two requests arrive at once)."""
    policy.require(actor, "appraisal.take_part", organisation)
    rater = actor.person
    given = {a: r for a, r in ratings.items() if r}
    if not given:
        raise ValidationError({"ratings": _("请至少评议一名党员")})
    if (
        rater is None
        or not Appraisal.objects.filter(organisation=organisation, year=year, person=rater).exists()
    ):
        raise ValidationError({"ratings": _("你不在%(y)d年度民主评议的党员名单中") % {"y": year}})
    done = set(
        PeerRating.objects.filter(rater=rater, appraisal__in=list(given)).values_list(
            "appraisal_id", flat=True
        )
    )
    for appraisal, rating in given.items():
        name = appraisal.person.name
        if appraisal.organisation_id != organisation.pk or appraisal.year != year:
            raise ValidationError(
                {"ratings": _("%(name)s不在本支部%(y)d年度民主评议名单中") % {"name": name, "y": year}}
            )
        if appraisal.person_id == rater.pk:
            raise ValidationError({"ratings": _("不能评议自己")})
        if rating not in Rating.values:
            raise ValidationError({"ratings": _("%(name)s：请选择评议等次") % {"name": name}})
        if appraisal.pk in done:
            raise ValidationError({"ratings": _("已评议过%(name)s，不能重复评议") % {"name": name}})
        if appraisal.decision:
            raise ValidationError({"ratings": _("%(name)s的评议结果已确定，不能再评议") % {"name": name}})
    for appraisal, rating in given.items():
        row = PeerRating(organisation=organisation, appraisal=appraisal, rater=rater, rating=rating)
        try:
            with transaction.atomic():  # a savepoint: a concurrent duplicate fails alone
                writes.model_create(
                    row, actor=actor, action=AppraisalAction.RATED, clean_exclude=("appraisal",)
                )
        except IntegrityError:
            raise ValidationError(
                {"ratings": _("已评议过%(name)s，不能重复评议") % {"name": appraisal.person.name}}
            ) from None
    return len(given)


@writes.service
def decide(
    *, actor, appraisal: Appraisal, version: int | None, decision: str, comment: str = ""
) -> Appraisal:
    """The branch's decision on one member. 优秀 is refused beyond a third of the members appraised
    that year; the year's rows are locked first so two officers cannot both take the last place."""
    policy.require(actor, "appraisal.manage", appraisal)
    if decision not in Rating.values:
        raise ValidationError({"decision": _("请选择评议结果")})
    if decision == Rating.EXCELLENT:
        year_rows = list(
            Appraisal.objects.select_for_update()
            .filter(organisation=appraisal.organisation_id, year=appraisal.year)
            .values_list("pk", "decision")
        )
        members = len(year_rows)
        others = sum(1 for pk, d in year_rows if d == Rating.EXCELLENT and pk != appraisal.pk)
        limit = excellent_limit(members)
        if others + 1 > limit:
            raise ValidationError(
                {"decision": _("评为优秀的党员不能超过参评党员的三分之一：本支部%(y)d年度%(n)d名党员参评，"
                               "最多评%(m)d名优秀，已评定%(k)d名")
                 % {"y": appraisal.year, "n": members, "m": limit, "k": others}}
            )  # fmt: skip
    fields = {
        "decision": decision,
        "decided_on": timezone.localdate(),
        "comment": optional_text(comment, "comment", _("支部意见"), 200),
    }
    return writes.model_update(
        appraisal, actor=actor, action=AppraisalAction.DECIDED, version=version, fields=fields
    )
