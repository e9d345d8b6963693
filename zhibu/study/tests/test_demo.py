"""The demo matches the seed's counts, with or without the meetings demo's 党课 and 座谈会."""

from datetime import date

import pytest

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.people.demo_data import load as load_core
from zhibu.study.demo_data import FORUMS, PARTY_HISTORY
from zhibu.study.demo_data import load as load_study
from zhibu.study.models import StudySession

from .helpers import meeting

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))
SEED = {
    "study.party_history_lectures": 6,
    "study.exemplar_reports": 8,
    "study.self_study_tasks": 5,
    "study.forums": 3,
}


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    return Organisation.objects.get(code="yucai")


def _check_seed_counts(org):
    for code, expected in SEED.items():
        assert figures.compute(code, org, SPAN).value == expected, code
    members = {r.person_id for r in figures.compute("study.books_read", org, SPAN).records}
    assert len(members) == 14
    codes = {f.code for f in findings.run(org, SPAN) if f.code.startswith("study.")}
    assert codes == {
        "study.reading_quota",
        "study.note_check_missing",
        "study.notes_unchecked",
        "study.hours_target",
        "study.self_study_overdue",
    }


def test_demo_standalone_when_no_meetings(school):
    load_study()
    _check_seed_counts(school)
    assert not StudySession.objects.filter(meeting__isnull=False).exists()


def test_demo_links_the_meetings_demos_lectures_and_forums(school):
    people = list(Person.objects.filter(organisation=school, party_status="full", is_retired=False))
    for day, topic, _speaker in PARTY_HISTORY:
        meeting(school, topic, day, present=people)
    for day, topic in FORUMS:
        meeting(school, topic, day, present=people)
    load_study()
    _check_seed_counts(school)
    linked = StudySession.objects.filter(meeting__isnull=False)
    assert linked.filter(form="party_lecture").count() == 6 and linked.filter(form="forum").count() == 3
