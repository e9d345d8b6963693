"""factory_boy factories for saved documents and submissions, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, UserFactory
from zhibu.reports.document import Heading, Paragraph, SignatureBlock, blocks_to_json
from zhibu.reports.models import ReportDocument, ReportRevision, Submission, SubmissionDeadline


def _blocks(revision) -> list[dict]:
    document = revision.document
    return blocks_to_json(
        [
            Heading(level=1, text="一、主要工作"),
            Paragraph(
                text="本月支部召开支委会{fig:meetings.committee_meetings}，组织党员集中学习。", key="p1"
            ),
            SignatureBlock(org_name=document.organisation.name, on=document.end),
        ]
    )


class ReportDocumentFactory(factory.django.DjangoModelFactory):
    """A 月工作总结 for March 2023; the branch sits under a 党委 so it has somewhere to submit to."""

    class Meta:
        model = ReportDocument

    organisation = factory.SubFactory(
        OrganisationFactory,
        parent=factory.SubFactory(OrganisationFactory, kind="committee", name="XX市教育体育局党委"),
    )
    kind = "monthly"
    period_kind = "month"
    start = date(2023, 3, 1)
    end = date(2023, 3, 31)
    title = factory.LazyAttribute(
        lambda doc: f"{doc.organisation.name}{doc.start.year}年{doc.start.month}月工作总结"
    )
    revision_number = 1


class ReportRevisionFactory(factory.django.DjangoModelFactory):
    """A recheck's revision: the 支委会 count moved from 1 to 2 since the draft."""

    class Meta:
        model = ReportRevision

    document = factory.SubFactory(ReportDocumentFactory)
    organisation = factory.SelfAttribute("document.organisation")
    number = factory.SelfAttribute("document.revision_number")
    blocks = factory.LazyAttribute(_blocks)
    values = factory.LazyFunction(
        lambda: {"meetings.committee_meetings": {"value": "2", "unit": "次", "label": "支委会"}}
    )
    changes = factory.LazyFunction(lambda: {"meetings.committee_meetings": {"previous": "1次", "value": "2"}})
    note = "重新核对数字"
    edited_by = factory.SubFactory(UserFactory)


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A document submitted to its organisation's superior."""

    class Meta:
        model = Submission

    document = factory.SubFactory(ReportDocumentFactory)
    organisation = factory.SelfAttribute("document.organisation")
    to_organisation = factory.SelfAttribute("organisation.parent")
    kind = factory.SelfAttribute("document.kind")
    status = Submission.Status.DRAFT
    due_on = date(2023, 4, 5)
    revision_number = factory.SelfAttribute("document.revision_number")
    reason = ""


class SubmissionDeadlineFactory(factory.django.DjangoModelFactory):
    """Monthly summaries due by the 5th of the following month, set by a 党委."""

    class Meta:
        model = SubmissionDeadline

    organisation = factory.SubFactory(OrganisationFactory, kind="committee", name="XX市教育体育局党委")
    kind = "monthly"
    weekday = None
    day_of_month = 5
