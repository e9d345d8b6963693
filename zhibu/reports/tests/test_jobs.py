"""Long documents as background jobs ("reports.generate"), and the year-long 台账 workbook through the
generic export job: the page goes to the job, the job links to the document it kept (the same record
the quick path makes), and a refusal says why."""

from __future__ import annotations

import io
import logging

from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook

from zhibu.core.jobs import job_start
from zhibu.core.models import Job
from zhibu.core.periods import Period
from zhibu.core.tests.factories import make_user
from zhibu.reports import services
from zhibu.reports.jobs import GENERATE, generate_params, runs_as_job
from zhibu.reports.models import ReportDocument

YEAR = {"kind": "annual", "start": "2023-01-01", "end": "2023-12-31"}


def test_an_annual_summary_is_drafted_by_a_job_that_links_to_it(world, login):
    client = login(world.secretary)
    response = client.post(reverse("reports:generate") + "?org=yucai", YEAR)
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("core:job", args=[job.pk])
    record = ReportDocument.objects.get()
    assert (job.kind, job.status, job.next_url) == (GENERATE, Job.Status.DONE, record.get_absolute_url())
    assert job.total and job.done == job.total > 5  # a figure at a time
    page = client.get(response.url).content.decode()
    assert "已根据台账起草" in page and f'href="{record.get_absolute_url()}"' in page
    docx = client.get(reverse("reports:download", args=[record.pk, "docx"]))
    out = read_docx(io.BytesIO(docx.content))
    assert out.paragraphs[0].text == "XX市育才学校党支部2023年度工作总结"
    assert record.revisions.get().note == "系统起草"


def test_a_bureau_roll_up_runs_as_a_job_even_for_a_month(world, login):
    """A committee's document covers its whole subtree: a job, whatever the period."""
    head = make_user("juwei-shuji", world.bureau_org, "secretary", subtree=True)
    response = login(head).post(
        reverse("reports:generate") + "?org=bureau",
        {"kind": "monthly", "start": "2023-05-01", "end": "2023-05-31"},
    )
    job = Job.objects.get()
    record = ReportDocument.objects.get(organisation=world.bureau_org)
    assert (
        response.status_code == 302
        and job.status == Job.Status.DONE
        and job.next_url == record.get_absolute_url()
    )
    assert runs_as_job(world.bureau_org, Period.month(2023, 5)) and not runs_as_job(
        world.branch, Period.month(2023, 5)
    )


def test_a_week_of_a_branch_is_drafted_at_once(world, login):
    response = login(world.secretary).post(
        reverse("reports:generate") + "?org=yucai",
        {"kind": "weekly", "start": "2023-05-08", "end": "2023-05-08"},
    )
    record = ReportDocument.objects.get()
    assert response.status_code == 302 and response.url == record.get_absolute_url()
    assert not Job.objects.exists()


def test_an_existing_document_is_refused_on_the_page_before_any_job(world, login):
    record = services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="annual", period=Period.year(2023)
    )
    page = login(world.secretary).post(reverse("reports:generate") + "?org=yucai", YEAR).content.decode()
    assert "该期间的这类材料已经存在" in page and f'<a href="{record.get_absolute_url()}">' in page
    assert not Job.objects.exists()


def test_wrong_role_and_other_branch(world, login):
    assert login(world.member).post(reverse("reports:generate") + "?org=yucai", YEAR).status_code == 403
    assert login(world.outsider).post(reverse("reports:generate") + "?org=yucai", YEAR).status_code == 404
    assert not Job.objects.exists() and not ReportDocument.objects.exists()
    login(world.secretary).post(reverse("reports:generate") + "?org=yucai", YEAR)
    job = Job.objects.get()
    assert login(world.outsider).get(reverse("core:job", args=[job.pk])).status_code == 404
    assert login(world.committee).get(reverse("core:job", args=[job.pk])).status_code == 404


def test_a_failing_generate_job_says_why_and_links_to_what_exists(world, login):
    """The document appeared between the page's check and the job: the job says so and links to it."""
    record = services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="annual", period=Period.year(2023)
    )
    job = job_start(
        actor=world.secretary,
        organisation=world.branch,
        kind=GENERATE,
        label="起草",
        params=generate_params("annual", Period.year(2023)),
    )
    assert job.status == Job.Status.FAILED and job.next_url == record.get_absolute_url()
    page = login(world.secretary).get(reverse("core:job", args=[job.pk])).content.decode()
    assert "该期间的这类材料已经存在" in page and 'role="alert"' in page and "<a href=&quot;" not in page


def test_a_crashing_generate_job_is_logged_and_explained(world, caplog):
    with caplog.at_level(logging.ERROR, logger="zhibu.core.jobs"):
        job = job_start(
            actor=world.secretary,
            organisation=world.branch,
            kind=GENERATE,
            label="起草",
            params={"kind": "annual", "period": ["year", "2023-01-01", "not a date"]},
        )
    assert job.status == Job.Status.FAILED and "系统出错" in job.message
    assert not ReportDocument.objects.exists()


def test_a_year_of_the_ledger_workbook_is_an_export_job(world, login):
    client = login(world.secretary)
    response = client.get(reverse("reports:workbook") + "?org=yucai&start=2023-01-01&end=2023-12-31")
    job = Job.objects.get()
    assert response.status_code == 302 and job.kind == "core.export" and job.status == Job.Status.DONE
    assert job.params["params"]["period"] == {"period": ["span", "2023-01-01", "2023-12-31"]}
    result = client.get(reverse("core:job_result", args=[job.pk]))
    book = load_workbook(io.BytesIO(b"".join(result.streaming_content)))
    assert len(book.sheetnames) > 1 and result["Cache-Control"] == "no-store"
