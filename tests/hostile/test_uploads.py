"""Hostile uploads other than an import: a 50 MB file, zip bombs and ../ names as attachments, and a
Word file whose text is a template trying to reach Python internals.

zhibu renders no user-supplied template anywhere: documents are written by python-docx and Django's
own templates from fixed files (reports/renderers, mentoring/booklet.py), and an uploaded .docx is
only stored and served. So the "sandbox" test proves that such a file comes back byte for byte,
never rendered."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhibu.core.models import AuditEntry, Job
from zhibu.core.uploads import BoundedUploadHandler, check_upload
from zhibu.disclosure.models import NoticeAttachment
from zhibu.disclosure.services import attachments as notice_attachments
from zhibu.disclosure.tests import helpers as notice_helpers
from zhibu.meetings.models import Attachment
from zhibu.meetings.services.meetings import attachment_add
from zhibu.meetings.tests.helpers import make_meeting

from . import make_corpus
from .conftest import bounded

IMPORT = reverse("people:import") + "?org=yucai"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEMPLATE_TEXT = b"{{ ''.__class__.__mro__[1].__subclasses__() }}"


def test_a_50_mb_import_is_refused_by_its_size_before_reading(world, login, tmp_path):
    path = make_corpus.fifty_mb(tmp_path / "花名册.csv")
    client = login(world.secretary)
    jobs, entries = Job.objects.count(), AuditEntry.objects.count()
    with path.open("rb") as upload:
        response = bounded(
            "50 MB upload", lambda: client.post(IMPORT, {"file": upload}), seconds=30, megabytes=400
        )
    assert response.status_code == 200
    assert "文件大小超过10 MB，请删去无关的工作表或分批导入" in response.content.decode()
    assert (Job.objects.count(), AuditEntry.objects.count()) == (jobs, entries)


def test_the_upload_handler_keeps_no_more_than_the_limit_on_disk(settings):
    """The 50 MB reach the server, but only the limit plus one byte is written to the temporary file;
    the size stays the real one, so the size checks refuse it in Chinese."""
    handler = BoundedUploadHandler()
    handler.new_file("file", "大文件.docx", DOCX, 50 * 1024 * 1024)
    block = b"x" * (64 * 1024)
    for start in range(0, 50 * 1024 * 1024, len(block)):
        handler.receive_data_chunk(block, start)
    upload = handler.file_complete(50 * 1024 * 1024)
    limit = max(settings.ZHIBU_ATTACHMENT_MAX_BYTES, settings.ZHIBU_IMPORT_MAX_BYTES)
    assert upload.size == 50 * 1024 * 1024
    upload.seek(0, io.SEEK_END)
    assert upload.tell() == limit + 1
    with pytest.raises(ValidationError) as refused:
        check_upload(upload)
    assert refused.value.messages == ["“大文件.docx”大小为50.0 MB，超过附件上限10.0 MB，请压缩后再上传。"]
    upload.close()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("zip_bomb.xlsx", "可能是“压缩炸弹”，已拒绝"),
        ("path_traversal.xlsx", "文件中有异常的内部路径“../zhibu-hostile-x”，已拒绝"),
        ("many_entries.xlsx", "文件中包含10006个内部文件，超过上限2000个"),
    ],
)
def test_a_hostile_zip_published_with_a_notice_is_refused_before_unpacking(world, corpus, name, message):
    """Notice attachments are unpacked to drop their metadata (disclosure/scrub.py): the same bounds."""
    notice = notice_helpers.draft(world.branch)
    upload = SimpleUploadedFile(name, corpus(name))
    with pytest.raises(ValidationError) as refused:
        bounded(
            name,
            lambda: notice_attachments.attachment_add(actor=world.committee, notice=notice, upload=upload),
        )
    (reason,) = refused.value.message_dict["upload"]
    assert reason.startswith(f"“{name}”：") and message in reason
    assert not NoticeAttachment.objects.exists()


def _template_docx() -> bytes:
    data = make_corpus.docx_renamed()
    assert TEMPLATE_TEXT in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    return data


def test_a_docx_template_uploaded_as_an_attachment_is_served_as_it_came(world, login):
    meeting = make_meeting(world.branch, "general_meeting")
    data = _template_docx()
    upload = SimpleUploadedFile("会议模板.docx", data, content_type=DOCX)
    item = attachment_add(actor=world.secretary, meeting=meeting, upload=upload)
    response = login(world.secretary).get(reverse("meetings:attachment", args=[item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == data
    assert Attachment.objects.get(pk=item.pk).file.read() == data


def test_a_docx_template_published_with_a_notice_keeps_its_text_inert(world):
    """Scrubbing rewrites the zip but never interprets the document's text."""
    notice = notice_helpers.draft(world.branch)
    upload = SimpleUploadedFile("模板.docx", _template_docx(), content_type=DOCX)
    item = notice_attachments.attachment_add(actor=world.committee, notice=notice, upload=upload)
    with item.file.open("rb") as stored:
        document = zipfile.ZipFile(io.BytesIO(stored.read())).read("word/document.xml")
    assert TEMPLATE_TEXT in document and b"<class" not in document
