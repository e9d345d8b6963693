"""Audit snapshots of rows with a file field: a row without a file snapshots as "" (a FieldFile with no
file raises ValueError on `.url`/`.size`, which once made every text-only study note an HTTP 500), and
a row with one snapshots its stored name without opening the storage."""

from __future__ import annotations

import pytest

from zhibu.core import audit
from zhibu.study.models import StudyNote
from zhibu.study.tests.factories import StudyNoteFactory


@pytest.fixture
def text_only_note(world) -> StudyNote:
    return StudyNoteFactory(organisation=world.branch, person=world.people["member"], scan="")


def test_snapshot_of_a_row_with_an_empty_file_field_is_blank(text_only_note):
    assert not text_only_note.scan  # the FieldFile exists, its file does not
    assert audit.snapshot(text_only_note)["scan"] == ""
    reloaded = StudyNote.objects.get(pk=text_only_note.pk)
    assert audit.snapshot(reloaded)["scan"] == ""


def test_snapshot_of_an_unsaved_row_without_a_file_is_blank(world):
    note = StudyNote(organisation=world.branch, person=world.people["member"], title="草稿")
    assert audit.snapshot(note)["scan"] == ""


def test_snapshot_of_a_file_is_its_stored_name_without_touching_storage(text_only_note):
    # The name points at nothing on disk: reading .size or .url would fail or hit storage.
    text_only_note.scan.name = "study/notes/2023/missing.png"
    assert audit.snapshot(text_only_note)["scan"] == "study/notes/2023/missing.png"
