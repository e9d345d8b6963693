"""Reads for documents and submissions; every query starts from the user's scope."""

from __future__ import annotations

from django.db.models import QuerySet

from zhibu.core import policy
from zhibu.core.selectors import get_permitted

from .models import ReportDocument, Submission, SubmissionDeadline


def documents_visible(user) -> QuerySet[ReportDocument]:
    return ReportDocument.objects.filter(organisation__in=policy.orgs_readable(user, "reports.view"))


def documents_of(user, org) -> QuerySet[ReportDocument]:
    return (
        documents_visible(user)
        .filter(organisation__in=org.subtree())
        .select_related("organisation", "submission")
        .order_by("-end", "kind", "-pk")
    )


def document_get(user, pk: int, perm: str = "reports.view") -> ReportDocument:
    """404 outside the user's scope; 403 inside it without `perm`."""
    return get_permitted(user, ReportDocument.objects.select_related("organisation"), pk, perm)


def submission_of(record: ReportDocument) -> Submission | None:
    return Submission.objects.filter(document=record).first()


def submissions_incoming(user) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(organisation__in=policy.orgs_readable(user, "reports.receive"))
        .exclude(status=Submission.Status.DRAFT)
        .select_related("organisation", "to_organisation", "document")
        .order_by("status", "-submitted_at")
    )


def submission_get(user, pk: int) -> Submission:
    return get_permitted(user, Submission.objects.select_related("document"), pk, "reports.receive")


def deadlines_set_by(org) -> QuerySet[SubmissionDeadline]:
    return SubmissionDeadline.objects.filter(organisation=org).order_by("kind")


def revisions_of(record: ReportDocument):
    return record.revisions.select_related("edited_by").only(
        "number", "note", "created_at", "edited_by__username", "document_id", "changes"
    )
