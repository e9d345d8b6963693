"""The voice demo: one consultation in March 2023 with six answers (one from a meeting) and six
suggestions handled in time — three adopted, two partly, one not (with its reason)."""

from datetime import date

import pytest

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.meetings.demo_data import load as load_meetings
from zhibu.people.demo_data import load as load_core
from zhibu.voice.demo_data import load
from zhibu.voice.models import Answer, Status, Suggestion

SPAN = Period.span(date(2023, 3, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_meetings()
    load()
    return Organisation.objects.get(code="yucai")


def test_the_consultation_has_answers_and_handled_suggestions(school):
    assert figures.compute("voice.consultations", school, SPAN).value == 1
    assert figures.compute("voice.answers", school, SPAN).value == 6
    assert Answer.objects.filter(meeting__isnull=False).count() == 1
    assert figures.compute("voice.suggestions", school, SPAN).value == 6
    assert figures.compute("voice.adopted", school, SPAN).value == 5
    assert figures.compute("voice.answered_in_time", school, SPAN).value == 6
    assert Suggestion.objects.get(status=Status.REJECTED).reason
    assert list(findings.run(school, SPAN, codes=["voice.not_answered"])) == []
