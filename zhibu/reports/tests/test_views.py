import io
from datetime import date

from django.core.management import call_command
from django.urls import reverse
from docx import Document as read_docx

from zhibu.core.periods import Period
from zhibu.reports import services
from zhibu.reports.models import ReportDocument, ReportRevision, Submission, SubmissionDeadline


def _record(world):
    return services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="annual", period=Period.year(2023)
    )


def test_generate_view_happy_and_bad_input(world, login):
    client = login(world.secretary)
    url = reverse("reports:generate") + "?org=yucai"
    bad = client.post(url, {"kind": "annual", "start": "2023-12-31", "end": "2023-01-01"})
    assert bad.status_code == 200 and "截止日期不能早于起始日期" in bad.content.decode()
    assert ReportDocument.objects.count() == 0
    ok = client.post(url, {"kind": "annual", "start": "2021-09-01", "end": "2023-07-31"})
    record = ReportDocument.objects.get()
    assert ok.status_code == 302 and record.start == date(2021, 9, 1) and record.period_kind == "span"
    page = client.get(reverse("reports:document", args=[record.pk])).content.decode()
    assert 'href="/figures/people.serving_members/?org=yucai&amp;from=2021-09-01&amp;to=2023-07-31"' in page
    assert "近两年没有发展党员" in page


def test_document_view_wrong_role_and_other_branch(world, login):
    record = _record(world)
    url = reverse("reports:document", args=[record.pk])
    assert login(world.member).get(url).status_code == 403
    assert login(world.outsider).get(url).status_code == 404
    assert login(world.bureau).get(url).status_code == 200


def test_paragraph_edit_view_saves_and_refuses_bad_reference(world, login):
    record = _record(world)
    client = login(world.committee)
    url = reverse("reports:paragraph_edit", args=[record.pk, "p1"])
    assert "{fig:" in client.get(url).content.decode() or client.get(url).status_code == 200
    bad = client.post(url, {"text": "共{fig:people.nope}人", "version": record.version})
    assert "没有名为 people.nope 的统计数" in bad.content.decode()
    assert ReportRevision.objects.count() == 1
    ok = client.post(url, {"text": "本年度共有党员{fig:people.members}。", "version": record.version})
    assert ok.status_code == 302 and ReportRevision.objects.count() == 2
    stale = client.post(url, {"text": "再改一次", "version": record.version})
    assert "已被他人修改" in stale.content.decode() and ReportRevision.objects.count() == 2
    assert login(world.outsider).post(url, {"text": "x", "version": 1}).status_code == 404


def test_download_docx_and_workbook(world, login):
    record = _record(world)
    client = login(world.secretary)
    response = client.get(reverse("reports:download", args=[record.pk, "docx"]))
    assert response.status_code == 200
    out = read_docx(io.BytesIO(response.content))
    assert out.paragraphs[0].text == "XX市育才学校党支部2023年度工作总结"
    assert client.get(reverse("reports:download", args=[record.pk, "exe"])).status_code == 404
    book = client.get(reverse("reports:workbook") + "?org=yucai&start=2023-05-01&end=2023-05-31")
    assert book.status_code == 200 and book.content[:2] == b"PK"
    # A year is a background job (reports/tests/test_jobs.py follows it to its file).
    year = client.get(reverse("reports:workbook") + "?org=yucai&start=2023-01-01&end=2023-12-31")
    assert year.status_code == 302 and year.url.startswith("/jobs/")
    bad = client.get(reverse("reports:workbook") + "?org=yucai&start=2023-12-31&end=bad")
    assert bad.status_code == 400 and "请填写正确的起止日期" in bad.content.decode()


def test_submit_and_decide_views(world, login):
    record = _record(world)
    assert login(world.committee).post(reverse("reports:submit", args=[record.pk])).status_code == 403
    assert login(world.secretary).post(reverse("reports:submit", args=[record.pk])).status_code == 302
    sub = Submission.objects.get()
    client = login(world.bureau)
    page = client.get(reverse("reports:submissions"))
    assert record.title in page.content.decode()
    client.post(
        reverse("reports:decide", args=[sub.pk]), {"action": "return", "reason": "", "version": sub.version}
    )
    sub.refresh_from_db()
    assert sub.status == "submitted"  # a return without reason writes nothing
    client.post(reverse("reports:decide", args=[sub.pk]), {"action": "receive", "version": sub.version})
    sub.refresh_from_db()
    assert sub.status == "received"


def test_deadline_view(world, login):
    client = login(world.bureau)
    bad = client.post(reverse("reports:deadline_set"), {"kind": "monthly", "day_of_month": ""})
    assert "次月截止日" in bad.content.decode() and SubmissionDeadline.objects.count() == 0
    client.post(reverse("reports:deadline_set"), {"kind": "weekly", "weekday": "4"})
    assert SubmissionDeadline.objects.get().weekday == 4


def test_document_list_queries_stay_constant(world, login, django_assert_max_num_queries):
    client = login(world.secretary)
    for n in range(1, 4):
        services.document_generate(
            actor=world.secretary, organisation=world.branch, kind="monthly", period=Period.month(2023, n)
        )
    with django_assert_max_num_queries(12):
        assert client.get(reverse("reports:index") + "?org=yucai").status_code == 200
    for n in range(4, 10):
        services.document_generate(
            actor=world.secretary, organisation=world.branch, kind="monthly", period=Period.month(2023, n)
        )
    with django_assert_max_num_queries(12):
        assert client.get(reverse("reports:index") + "?org=yucai").status_code == 200


def test_dashboard_shows_reports_panel_with_chart_data(world, login):
    page = login(world.secretary).get(reverse("core:dashboard")).content.decode()
    assert (
        'id="report-charts-data"' in page and "echarts.common.min.js" in page and "report_charts.js" in page
    )
    assert 'id="chart-composition"' in page
    member_page = login(world.member).get(reverse("core:dashboard")).content.decode()
    assert "report-charts-data" not in member_page


def test_cli_writes_each_format(world, tmp_path):
    for kind, fmt in (("annual", "docx"), ("monthly", "md"), ("weekly", "html"), ("ledger", "xlsx")):
        out = tmp_path / f"{kind}.{fmt}"
        call_command(
            "report",
            kind,
            "--org",
            "yucai",
            "--from",
            "2023-05-01",
            "--to",
            "2023-07-31",
            "--format",
            fmt,
            "--out",
            str(out),
        )
        assert out.stat().st_size > 0
    text = (tmp_path / "monthly.md").read_text(encoding="utf-8")
    assert text.startswith("# XX市育才学校党支部2023年5月工作总结")
    assert read_docx(str(tmp_path / "annual.docx")).paragraphs[0].text == "XX市育才学校党支部2023年工作总结"


def test_cli_refuses_unknown_org(world, tmp_path):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command(
            "report", "annual", "--org", "nowhere", "--from", "2023-01-01", "--out", str(tmp_path / "x.docx")
        )


def test_figure_page_takes_the_parameters_a_reference_carries(world, login, fake_ledger, visit):
    client = login(world.secretary)
    base = reverse("core:figure", args=["fakecare.visits"]) + "?org=yucai&from=2023-01-01&to=2023-12-31"
    assert "走访慰问：1人次" in client.get(base + "&p.status=full").content.decode()
    assert "走访慰问：0人次" in client.get(base + "&p.status=activist").content.decode()
    assert client.get(base + "&p.colour=red").status_code == 404


def test_dashboard_charts_take_flow_figures_of_any_ledger(world, fake_ledger, visit):
    import time_machine
    from django.core.cache import cache

    from zhibu.reports.dashboard import overview

    cache.clear()
    with time_machine.travel(date(2023, 3, 20), tick=False):
        data = overview(None, world.branch, Period.year(2023))
    monthly = data["charts"]["monthly"]
    assert monthly["months"] == ["1月", "2月", "3月"]
    series = {s["name"]: s["data"] for s in monthly["series"]}
    assert series["走访慰问"] == [0, 0, 1]  # a flow: its months add up to its year
    assert "党员人数" not in series  # a stock: 3 every month is not 9 in the quarter
    assert data["trend"][0]["spec"].code == "fakecare.visits"  # what moved this month comes first
    assert {c["name"]: c["value"] for c in data["charts"]["composition"]}["在职党员"] == 3


def test_generating_a_document_that_exists_links_to_it(world, login):
    client = login(world.secretary)
    data = {"kind": "annual", "start": "2023-01-01", "end": "2023-12-31"}
    client.post(reverse("reports:generate") + "?org=yucai", data)
    from zhibu.reports.models import ReportDocument

    record = ReportDocument.objects.get()
    page = client.post(reverse("reports:generate") + "?org=yucai", data).content.decode()
    assert f'<a href="{record.get_absolute_url()}">' in page and "该期间的这类材料已经存在" in page
    assert ReportDocument.objects.count() == 1
