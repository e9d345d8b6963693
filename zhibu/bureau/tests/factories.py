"""factory_boy factories for notices and receipts, with Chinese data."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from zhibu.bureau.models import Notice, NoticeReceipt
from zhibu.core.tests.factories import OrganisationFactory, UserFactory


class NoticeFactory(factory.django.DjangoModelFactory):
    """A 局党委's notice to relay a document to every branch, due in two weeks."""

    class Meta:
        model = Notice
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory, kind="committee", name="XX市教育体育局党委")
    title = "传达学习《关于加强新时代中小学思想政治工作的意见》"
    body = "各党支部召开党员大会集中传达学习，并将传达情况报局党委组织科。"
    kind = Notice.Kind.RELAY
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    all_branches = True
    issued_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def targets(self, create, extracted, **kwargs):
        if create and extracted:
            self.all_branches = False
            self.save(update_fields=["all_branches"])
            self.targets.set(extracted)


class NoticeReceiptFactory(factory.django.DjangoModelFactory):
    """A branch relayed the notice at its 党员大会."""

    class Meta:
        model = NoticeReceipt

    notice = factory.SubFactory(NoticeFactory)
    organisation = factory.SubFactory(OrganisationFactory, name="XX市育才学校党支部")
    done_on = factory.LazyFunction(timezone.localdate)
    note = "支部党员大会集中传达学习，应到14人，实到13人"
    recorded_by = factory.SubFactory(UserFactory)


def overdue(notice: Notice, days: int = 3) -> Notice:
    """Move a notice's deadline into the past (the service refuses a past date, history does not)."""
    Notice.objects.filter(pk=notice.pk).update(
        due_on=timezone.localdate() - timedelta(days=days), created_at=timezone.now() - timedelta(days=30)
    )
    notice.refresh_from_db()
    return notice


__all__ = ["NoticeFactory", "NoticeReceiptFactory", "overdue", "date"]
