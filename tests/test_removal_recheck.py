"""Removing a record that a submitted document cites is allowed, and the document's recheck then
shows the changed figure (issue: correcting and removing)."""

from __future__ import annotations

from zhibu.core import recycle
from zhibu.core.periods import Period
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.reports import drafting, services, submissions

MARCH = Period.month(2023, 3)
HELD = "meetings.general_meetings"


def _held_run(document):
    doc = drafting.load(document)
    # the monthly summary cites the general meetings held (in its key-figure table and in 二)
    runs = [r for p in doc.paragraphs() for r in p.runs if getattr(r, "code", "") == HELD]
    assert runs, "the monthly summary cites the number of meetings held"
    return runs[0]


def test_a_cited_meeting_can_be_removed_and_the_submitted_summary_shows_the_change(world):
    wrong = MeetingFactory(organisation=world.branch, topic="误录的会议")
    MeetingFactory(organisation=world.branch, topic="三月支部党员大会")
    document = services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="monthly", period=MARCH
    )
    assert _held_run(document).value == "2"
    submissions.submission_submit(actor=world.secretary, document=document, version=document.version)

    recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=wrong, reason="重复录入")

    document.refresh_from_db()
    changes = services.document_recheck(actor=world.secretary, document=document, version=document.version)
    assert changes[HELD]["value"] == "1"
    document.refresh_from_db()
    run = _held_run(document)
    assert run.changed and run.value == "1" and run.previous.startswith("2")
