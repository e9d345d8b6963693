from datetime import date

import pytest
from django.core.exceptions import ValidationError

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.tests.factories import PersonFactory
from zhibu.core.versioning import StaleEdit
from zhibu.reports import drafting, services
from zhibu.reports.models import ReportRevision
from zhibu.reports.renderers import render

CAMPAIGN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def record(world):
    return services.document_generate(
        actor=world.secretary, organisation=world.branch, kind="annual", period=CAMPAIGN
    )


def _people_para(record):
    doc = drafting.load(record)
    return next(p for p in doc.paragraphs() if "{fig:people.serving_members}" in p.text)


def test_generate_keeps_revision_one_and_audits(record):
    assert record.revision_number == 1 and record.revisions.count() == 1
    assert AuditEntry.objects.filter(action="reports.document.generated").count() == 1


def test_generate_twice_for_same_period_is_refused(world, record):
    with pytest.raises(ValidationError):
        services.document_generate(
            actor=world.secretary, organisation=world.branch, kind="annual", period=CAMPAIGN
        )


def test_member_cannot_generate(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.document_generate(
            actor=world.member, organisation=world.branch, kind="annual", period=CAMPAIGN
        )


def test_edit_keeps_references_and_recheck_flags_changed_figure_without_rewriting(world, record):
    para = _people_para(record)
    edited = "经统计，{fig:people.serving_members}党员在教学一线，发挥了先锋模范作用。"
    services.paragraph_edit(
        actor=world.committee, document=record, key=para.key, text=edited, version=record.version
    )
    record.refresh_from_db()
    assert record.revision_number == 2
    PersonFactory(organisation=world.branch, name="新党员")  # the roster grows after the edit
    changes = services.document_recheck(actor=world.secretary, document=record, version=record.version)
    assert changes == {"people.serving_members": {"previous": "3人", "value": "4"}}
    record.refresh_from_db()
    doc = drafting.load(record)
    again = next(p for p in doc.paragraphs() if p.key == para.key)
    assert again.text == edited  # the secretary's words are untouched
    run = next(r for r in again.runs if hasattr(r, "code"))
    assert run.value == "4" and run.changed and run.previous == "3人"
    html = render("html", doc).decode()
    assert 'class="fig fig-changed"' in html and "上次为3人" in html
    docx_xml = _docx_body(render("docx", doc))
    assert '<w:highlight w:val="yellow"/>' in docx_xml


def test_recheck_with_nothing_changed_flags_nothing(world, record):
    assert services.document_recheck(actor=world.secretary, document=record, version=record.version) == {}


def test_stale_edit_is_refused_and_writes_nothing(world, record):
    para = _people_para(record)
    with pytest.raises(StaleEdit):
        services.paragraph_edit(
            actor=world.secretary, document=record, key=para.key, text="新内容", version=record.version + 5
        )
    assert ReportRevision.objects.filter(document=record).count() == 1


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "段落内容不能为空"),
        ("共有{fig:people.nothing}人", "没有名为 people.nothing 的统计数"),
        ("共有{fig:people members}人", "数字引用格式有误"),
        ("共有{fig:people.members|colour=red}人", "数字引用的参数不正确"),
    ],
)
def test_bad_paragraph_is_refused_with_a_message(world, record, text, message):
    para = _people_para(record)
    with pytest.raises(ValidationError) as exc:
        services.paragraph_edit(
            actor=world.secretary, document=record, key=para.key, text=text, version=record.version
        )
    assert message in " ".join(exc.value.messages)
    assert ReportRevision.objects.filter(document=record).count() == 1


def test_redraft_discards_edits_but_keeps_history(world, record):
    para = _people_para(record)
    services.paragraph_edit(
        actor=world.secretary, document=record, key=para.key, text="手写内容", version=record.version
    )
    record.refresh_from_db()
    services.document_redraft(actor=world.secretary, document=record, version=record.version)
    record.refresh_from_db()
    assert record.revision_number == 3 and "手写内容" not in str(drafting.current_revision(record).blocks)
    assert "手写内容" in str(record.revisions.get(number=2).blocks)


def _docx_body(data: bytes) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
