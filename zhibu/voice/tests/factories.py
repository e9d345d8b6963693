"""factory_boy factories for the voice ledger, with Chinese data."""

from __future__ import annotations

from datetime import date, timedelta

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.voice.models import Answer, Consultation, Status, Suggestion, VoiceSettings


class VoiceSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceSettings

    organisation = factory.SubFactory(OrganisationFactory)
    answer_days = 15


class ConsultationFactory(factory.django.DjangoModelFactory):
    """`asked` takes people of the branch."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = "学校绩效工资分配方案（征求意见稿）"
    question = "请对分配比例和考核办法提出意见建议。"
    opens_on = date(2023, 3, 1)
    closes_on = date(2023, 3, 31)

    @factory.post_generation
    def asked(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.asked.set(extracted)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    consultation = factory.SubFactory(ConsultationFactory)
    organisation = factory.SelfAttribute("consultation.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    text = "建议向一线班主任倾斜。"
    answered_on = factory.SelfAttribute("consultation.opens_on")


class SuggestionFactory(factory.django.DjangoModelFactory):
    """A pending suggestion raised at no particular meeting, due 30 days after it was raised."""

    class Meta:
        model = Suggestion

    organisation = factory.SubFactory(OrganisationFactory)
    received_on = date(2023, 3, 10)
    author = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    topic = "后勤服务"
    content = "建议教工食堂延长供餐时间。"
    status = Status.PENDING
    due_on = factory.LazyAttribute(lambda s: s.received_on + timedelta(days=30))
