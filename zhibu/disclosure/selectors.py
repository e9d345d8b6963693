"""Reads of the disclosure board. Officers' pages start from the user's scope (`*_get`) or an
organisation they may read; the public pages start from a board's code and see only what is
published and inside its window today (`public_*`) — never a draft, a withdrawn item or another
branch's row. Figures and rules start from an organisation (`*_of`)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from zhibu.core.models import Organisation
from zhibu.core.selectors import get_permitted

from .models import Kind, Notice, NoticeAttachment, Objection, Status


# -- officers ------------------------------------------------------------------------------------
def notice_list(org: Organisation, *, text: str = "", status: str = "", kind: str = "") -> QuerySet[Notice]:
    qs = Notice.objects.filter(organisation__in=org.subtree()).select_related("organisation")
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(body__icontains=text))
    if status in Status.values:
        qs = qs.filter(status=status)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    return qs.annotate(objection_count=Count("objections")).order_by("-publish_from", "-pk")


def notice_get(user, pk: int, perm: str = "disclosure.view") -> Notice:
    return get_permitted(user, Notice.objects.select_related("organisation"), pk, perm)


def attachment_get(user, pk: int, perm: str = "disclosure.view") -> NoticeAttachment:
    return get_permitted(user, NoticeAttachment.objects.select_related("notice", "organisation"), pk, perm)


def objection_get(user, pk: int, perm: str = "disclosure.publish") -> Objection:
    return get_permitted(user, Objection.objects.select_related("notice", "organisation"), pk, perm)


def attachments_of(notice: Notice) -> list[NoticeAttachment]:
    return list(notice.attachments.order_by("pk"))


def objections_of(notice: Notice) -> list[Objection]:
    return list(notice.objections.select_related("answered_by").order_by("received_on", "pk"))


def notices_of(org: Organisation, start: date, end: date) -> QuerySet[Notice]:
    """Items whose window starts in start..end (drafts included: callers filter by status)."""
    return Notice.objects.filter(organisation__in=org.subtree(), publish_from__range=(start, end))


def objections_received(org: Organisation, start: date, end: date) -> QuerySet[Objection]:
    return Objection.objects.filter(organisation__in=org.subtree(), received_on__range=(start, end))


def unanswered_by_end(org: Organisation, start: date, end: date, today: date) -> QuerySet[Objection]:
    """Objections to 公示 whose period ended (its last day reached, today at the latest) in
    start..end without an answer by that last day — one query."""
    last = min(end, today)
    return (
        Objection.objects.filter(
            organisation__in=org.subtree(),
            notice__kind=Kind.NOTICE,
            notice__publish_until__range=(start, last),
        )
        .filter(Q(answered_on__isnull=True) | Q(answered_on__gt=F("notice__publish_until")))
        .select_related("notice", "organisation")
        .order_by("notice__publish_until", "pk")
    )


# -- the public board ------------------------------------------------------------------------------
def board_organisation(code: str) -> Organisation:
    return get_object_or_404(Organisation.objects.all(), code=code)


def public_items(org: Organisation, today: date) -> QuerySet[Notice]:
    """The board of one organisation (its own items only): published and inside the window."""
    return (
        Notice.objects.filter(organisation=org, status=Status.PUBLISHED, publish_from__lte=today)
        .filter(Q(publish_until__isnull=True) | Q(publish_until__gte=today))
        .order_by("-publish_from", "-pk")
    )


def public_item(org: Organisation, pk: int, today: date) -> Notice:
    return get_object_or_404(public_items(org, today), pk=pk)


def published_item(org: Organisation, pk: int) -> Notice:
    """A published item of org whatever its window: an objection posted after the 公示 period is
    answered with the reason, not a bare 404."""
    return get_object_or_404(Notice.objects.filter(organisation=org, status=Status.PUBLISHED), pk=pk)


def public_attachment(notice: Notice, pk: int) -> NoticeAttachment:
    return get_object_or_404(notice.attachments.all(), pk=pk)


def sources_for(user, org: Organisation) -> list:
    """The publishable sources (core.registries.publishable) this user may read on org."""
    from zhibu.core import policy
    from zhibu.core.registries import publishable

    return [s for s in publishable.all() if policy.has_perm(user, s.perm, org)]


def notices_for_export(org: Organisation) -> QuerySet[Notice]:
    return (
        Notice.objects.filter(organisation__in=org.subtree())
        .annotate(
            objection_count=Count("objections"),
            answered_count=Count("objections", filter=Q(objections__answered_on__isnull=False)),
        )
        .order_by("publish_from", "pk")
    )
