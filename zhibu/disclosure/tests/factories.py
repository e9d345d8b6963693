"""factory_boy factories for the disclosure board, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory
from django.core.files.base import ContentFile

from zhibu.core.testing import png_bytes
from zhibu.core.tests.factories import OrganisationFactory
from zhibu.disclosure.models import Kind, Notice, NoticeAttachment, Objection, Status


class NoticeFactory(factory.django.DjangoModelFactory):
    """A published work plan with an open-ended window from 2023-02-20."""

    class Meta:
        model = Notice

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Kind.PLAN
    title = "党支部2023年工作计划"
    body = "一、加强理论学习。\n二、落实“三会一课”制度。"
    status = Status.PUBLISHED
    publish_from = date(2023, 2, 20)
    publish_until = None
    published_on = factory.SelfAttribute("publish_from")


class NoticeAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoticeAttachment

    notice = factory.SubFactory(NoticeFactory)
    organisation = factory.SelfAttribute("notice.organisation")
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="plan.png"))
    filename = "工作计划.png"
    content_type = "image/png"
    size = 100


class ObjectionFactory(factory.django.DjangoModelFactory):
    """An objection to a 公示 (2023-06-20..26), received on the 21st, not yet answered."""

    class Meta:
        model = Objection

    notice = factory.SubFactory(
        NoticeFactory,
        kind=Kind.NOTICE,
        title="2023年度优秀共产党员推荐人选公示",
        publish_from=date(2023, 6, 20),
        publish_until=date(2023, 6, 26),
    )
    organisation = factory.SelfAttribute("notice.organisation")
    name = "王老师"
    contact = "学校办公室转"
    text = "建议公示推荐人选的主要事迹。"
    received_on = date(2023, 6, 21)
    answer = ""
    answered_on = None
