"""gen_city: a small city in seconds, the same rows for the same seed, rows for every app, and a
refusal to mix a city into a database that already has organisations."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from zhibu.core import idnumbers
from zhibu.core.models import Organisation, Person, User
from zhibu.core.registries import citygen
from zhibu.core.tests.factories import make_org
from zhibu.meetings.models import Attendance, Meeting
from zhibu.mentoring.models import MentoringCase, Student
from zhibu.reports.models import ReportDocument, Submission
from zhibu.study.models import ReadingRecord, StudySession

UNTIL = date(2025, 11, 30)
ARGS = ["--branches=3", "--years=1", "--until=2025-11-30"]


def _fingerprint(seed: int) -> tuple[dict, str]:
    """Rows per table and a digest of their contents (ids left out), of a city generated inside a
    savepoint that is then rolled back, so two runs start from the same empty database."""
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(seed=seed, branches_wanted=3, years=[2025], until=UNTIL, people_per_branch=12)
        )
        content = [
            list(
                Person.objects.order_by("organisation__code", "name", "birth_date", "pk").values_list(
                    "organisation__code", "name", "gender", "birth_date", "party_status", "phone"
                )
            ),
            list(
                Attendance.objects.order_by("meeting__held_at", "meeting__organisation", "person__phone")
                .values_list("meeting__organisation__code", "meeting__held_at", "person__phone", "status")
            ),
            list(ReadingRecord.objects.order_by("person__phone", "finished_on", "title").values_list(
                "person__phone", "finished_on", "title")),
            list(Student.objects.order_by("organisation__code", "sequence").values_list(
                "class_name", "gender")),
        ]  # fmt: skip
        transaction.set_rollback(True)
    return dict(ctx.rows), hashlib.sha256(repr(content).encode()).hexdigest()


@pytest.mark.django_db
def test_same_seed_same_rows_other_seed_other_rows():
    rows, digest = _fingerprint(7)
    assert Organisation.objects.count() == 0  # the savepoint was rolled back
    assert _fingerprint(7) == (rows, digest)
    other_rows, other_digest = _fingerprint(8)
    assert other_digest != digest


@pytest.mark.django_db
def test_gen_city_writes_every_app_in_seconds():
    out = io.StringIO()
    call_command("gen_city", *ARGS, stdout=out)
    bureau = Organisation.objects.get(code="city")
    branches = Organisation.objects.filter(parent=bureau)
    assert branches.count() == 3
    assert all(b.path == f"/city/{b.code}/" for b in branches)
    assert Person.objects.filter(organisation__in=branches).count() == 90
    for model in (
        Meeting,
        Attendance,
        StudySession,
        ReadingRecord,
        Student,
        MentoringCase,
        ReportDocument,
        Submission,
    ):
        assert model.objects.exists(), model
    assert not Meeting.objects.filter(held_at__date__gt=UNTIL).exists()
    # ID numbers are valid, and the encrypted column reads back.
    assert all(idnumbers.problem(p.id_number) is None for p in Person.objects.all()[:30])
    # Every branch's secretary and the bureau viewer can be logged in by the benchmark.
    assert User.objects.filter(grants__role="secretary", grants__organisation__in=branches).count() == 3
    assert User.objects.get(username="city-bureau").grants.get().include_subtree
    # Generated rows are not audited one by one.
    from zhibu.core.models import AuditEntry

    assert not AuditEntry.objects.exists()
    text = out.getvalue()
    for table in (
        "core_person",
        "meetings_attendance",
        "study_studynote",
        "mentoring_mentoringlog",
        "reports_submission",
    ):
        assert table in text


@pytest.mark.django_db
def test_gen_city_refuses_a_database_with_organisations():
    make_org("bureau", "XX市教育体育局党委", kind="committee")
    with pytest.raises(CommandError, match="已有 1 个党组织.*--force"):
        call_command("gen_city", *ARGS, stdout=io.StringIO())
    assert not Person.objects.exists()
    call_command("gen_city", *ARGS, "--force", stdout=io.StringIO())
    assert Organisation.objects.filter(code="city").exists()


@pytest.mark.django_db
def test_gen_city_rejects_bad_arguments():
    with pytest.raises(CommandError, match="--until"):
        call_command("gen_city", "--until=2025-13-01", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--branches"):
        call_command("gen_city", "--branches=0", stdout=io.StringIO())
    assert not Organisation.objects.exists()


def _bench_module():
    path = Path(__file__).resolve().parents[3] / "bench" / "bench_city.py"
    spec = importlib.util.spec_from_file_location("bench_city_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the bench is its own URLconf, found by module name
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_bench_measures_a_tiny_city():
    bench = _bench_module()
    call_command(
        "gen_city", "--branches=1", "--years=1", "--people=6", "--until=2025-11-30", stdout=io.StringIO()
    )
    rows = bench.measure_city(runs=1, year=2025, budget=0)
    measured = [r for r in rows if r.p50 is not None]
    assert len(rows) == 20 and len(measured) == 20
    assert all(r.status == 200 and r.queries and r.floor and r.ratio and r.samples == 1 for r in measured), (
        rows
    )
    text = bench.table(rows)
    assert "bureau grid" in text and "annual summary: bureau 2025" in text
    assert "bureau grid, after a write" in text and "bureau dashboard, after a branch's write" in text
    assert "bureau figure list, the next day" in text


@pytest.mark.django_db
def test_generated_people_carry_their_strokes_sort_key():
    # bulk_create bypasses the person services, which write the key the people list orders by
    from zhibu.core.strokes import name_sort_string

    call_command("gen_city", branches=1, years=1, stdout=io.StringIO())
    people = list(Person.objects.all())
    assert people and all(p.name_strokes == name_sort_string(p.name) for p in people)
