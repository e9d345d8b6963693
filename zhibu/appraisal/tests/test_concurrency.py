"""Two officers deciding the last 优秀 place at the same moment: the year's rows are locked before
counting, so exactly one succeeds (PostgreSQL, where two transactions really run at once; SQLite
takes one writer at a time anyway)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from zhibu.appraisal.models import Appraisal
from zhibu.appraisal.services import appraisals
from zhibu.core.tests.factories import PersonFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions: PostgreSQL"),
]


def test_two_officers_cannot_both_take_the_last_excellent_place(world):
    for n in range(6):
        PersonFactory(organisation=world.branch, name=f"党员{'甲乙丙丁戊己'[n]}")
    appraisals.appraisal_open(actor=world.secretary, organisation=world.branch, year=2023)
    rows = list(Appraisal.objects.order_by("pk"))
    for a in rows[:2]:
        appraisals.decide(actor=world.secretary, appraisal=a, version=a.version, decision="excellent")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(actor, appraisal):
        try:
            barrier.wait(timeout=10)
            appraisals.decide(
                actor=actor, appraisal=appraisal, version=appraisal.version, decision="excellent"
            )
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            from django.db import connection as own

            own.close()

    threads = [
        threading.Thread(target=decide, args=(world.secretary, rows[2])),
        threading.Thread(target=decide, args=(world.committee, rows[3])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["ok", "refused"]
    assert Appraisal.objects.filter(decision="excellent").count() == 3
