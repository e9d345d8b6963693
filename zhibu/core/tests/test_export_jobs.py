"""Large exports as background jobs ("core.export"): the roster above ZHIBU_EXPORT_JOB_ROWS goes to a
job whose page shows the bar's end and offers the real file; below it the file comes at once."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from zhibu.core.export_jobs import EXPORT, decode_params, encode_params, export_params
from zhibu.core.jobs import job_start
from zhibu.core.models import AuditEntry, Job
from zhibu.core.periods import Period
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter


def _download(client, job) -> bytes:
    response = client.get(reverse("core:job_result", args=[job.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    return b"".join(response.streaming_content)


def test_a_large_roster_export_runs_as_a_job_and_gives_the_workbook(world, login, settings):
    settings.ZHIBU_EXPORT_JOB_ROWS = 3  # branch A has four people
    client = login(world.secretary)
    response = client.get(reverse("people:export") + "?org=yucai")
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("core:job", args=[job.pk])
    assert (job.kind, job.status, job.done, job.total) == (EXPORT, Job.Status.DONE, 4, 4)
    page = client.get(response.url).content.decode()
    assert "已完成" in page and reverse("core:job_result", args=[job.pk]) in page and "人员名册" in page
    sheet = load_workbook(io.BytesIO(_download(client, job))).active
    names = {row[1] for row in sheet.iter_rows(values_only=True)}
    assert {"张文华", "于雪华", "刘丹", "何静"} <= names and "林志强" not in names
    entry = AuditEntry.objects.get(action="people.roster.exported")
    assert entry.after["rows"] == 4 and entry.after["job"] == str(job.pk)


def test_a_small_roster_export_downloads_at_once(world, login):
    response = login(world.secretary).get(reverse("people:export") + "?org=yucai&format=csv")
    assert response.status_code == 200 and "刘丹" in response.content.decode("utf-8-sig")
    assert not Job.objects.exists()


def test_the_export_job_asks_the_exporters_permission(world, login, settings):
    settings.ZHIBU_EXPORT_JOB_ROWS = 1
    assert login(world.member).get(reverse("people:export") + "?org=yucai").status_code == 403
    assert login(world.outsider).get(reverse("people:export") + "?org=yucai").status_code == 404
    assert not Job.objects.exists()
    job = job_start(
        actor=world.secretary,
        organisation=world.branch,
        kind=EXPORT,
        label="导出",
        params=export_params(exporters.get("people.roster"), "xlsx"),
    )
    for user in (world.committee, world.outsider, world.bureau):  # only the starter sees the file
        assert login(user).get(reverse("core:job", args=[job.pk])).status_code == 404
        assert login(user).get(reverse("core:job_result", args=[job.pk])).status_code == 404


class _Refusing(ListExporter):
    filename = "拒绝"

    def iterate_list(self):
        yield ("序号",)
        raise ValidationError("第3行的日期无法识别")


@pytest.fixture
def refusing_exporter():
    spec = exporters.register(
        "test.refusing",
        label="测试",
        perm="people.export",
        action="people.roster.exported",
        build=lambda org: _Refusing(),
    )
    yield spec
    exporters._EXPORTERS.pop(spec.identifier, None)


def test_a_failing_export_job_shows_the_reason(world, login, refusing_exporter):
    job = job_start(
        actor=world.secretary,
        organisation=world.branch,
        kind=EXPORT,
        label="导出",
        params=export_params(refusing_exporter, "xlsx"),
    )
    assert job.status == Job.Status.FAILED and not job.result
    page = login(world.secretary).get(reverse("core:job", args=[job.pk])).content.decode()
    assert "第3行的日期无法识别" in page and 'role="alert"' in page


def test_builder_params_travel_as_json():
    params = {"period": Period.year(2023), "kind": "x"}
    encoded = encode_params(params)
    assert encoded["period"] == {"period": ["year", "2023-01-01", "2023-12-31"]}
    assert decode_params(encoded) == params
    assert Period.from_json(Period.span(date(2021, 9, 1), date(2023, 7, 31)).as_json()).kind == "span"
