"""Attachments are stored (and so published) without document metadata: real files written by
python-docx and openpyxl, a JPEG with an EXIF segment, a PNG with text chunks, read back."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from zhibu.core.testing import png_bytes
from zhibu.disclosure import scrub
from zhibu.disclosure.models import NoticeAttachment
from zhibu.disclosure.services import attachments as services

from . import helpers

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx() -> bytes:
    document = Document()
    document.add_paragraph("党支部工作计划")
    props = document.core_properties
    props.author, props.last_modified_by, props.comments = "张文华", "于雪华", "内部草稿"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "公示名单"
    book.properties.creator, book.properties.lastModifiedBy = "张文华", "于雪华"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _jpeg() -> bytes:
    exif = b"Exif\x00\x00GPS 39.9N 116.4E Canon"
    app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    comment = b"\xff\xfe" + struct.pack(">H", 10) + b"author:x"
    jfif = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    scan = (
        b"\xff\xda"
        + struct.pack(">H", 8)
        + b"\x01\x01\x00\x00\x3f\x00"
        + b"\x12\x34\xff\x00\x56"
        + b"\xff\xd9"
    )
    return b"\xff\xd8" + jfif + app1 + comment + scan


def _png_with_text() -> bytes:
    png = png_bytes()
    text = b"Author\x00Zhang Wenhua"
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + struct.pack(">I", zlib.crc32(b"tEXt" + text))
    return png[:33] + chunk + png[33:]  # after the signature and IHDR


def _unzipped(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_docx_loses_its_author():
    cleaned = Document(io.BytesIO(scrub.office(_docx())))
    assert cleaned.core_properties.author == "" and cleaned.core_properties.last_modified_by == ""
    assert cleaned.paragraphs[0].text == "党支部工作计划"


def test_xlsx_loses_its_creator():
    cleaned = scrub.office(_xlsx())
    book = openpyxl.load_workbook(io.BytesIO(cleaned))
    assert book.properties.creator != "张文华" and not book.properties.lastModifiedBy  # openpyxl's default
    assert "张文华".encode() not in _unzipped(cleaned)
    assert book.active["A1"].value == "公示名单"


def test_jpeg_loses_exif_and_comments_keeps_the_image():
    cleaned = scrub.jpeg(_jpeg())
    assert b"Exif" not in cleaned and b"GPS" not in cleaned and b"author" not in cleaned
    assert b"JFIF" in cleaned and cleaned.endswith(b"\x12\x34\xff\x00\x56\xff\xd9")


def test_png_loses_text_chunks():
    original = _png_with_text()
    assert b"Zhang" in original
    cleaned = scrub.png(original)
    assert b"Zhang" not in cleaned and cleaned == png_bytes()


def test_the_stored_attachment_is_the_clean_one(world):
    notice = helpers.draft(world.branch)
    upload = SimpleUploadedFile("计划.docx", _docx(), content_type=DOCX)
    item = services.attachment_add(actor=world.committee, notice=notice, upload=upload)
    with item.file.open("rb") as stored:
        data = stored.read()
    assert "张文华".encode() not in _unzipped(data)
    assert Document(io.BytesIO(data)).core_properties.author == ""
    assert item.filename == "计划.docx" and item.size == len(data)


def test_pdf_is_refused_with_the_reason_and_nothing_written(world):
    notice = helpers.draft(world.branch)
    upload = SimpleUploadedFile(
        "计划.pdf", b"%PDF-1.4\n/Author (Zhang)\n%%EOF", content_type="application/pdf"
    )
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=world.committee, notice=notice, upload=upload)
    assert "PDF" in " ".join(exc.value.message_dict["upload"])
    assert not NoticeAttachment.objects.exists()


def test_a_published_item_takes_no_new_attachment(world):
    notice = helpers.notice(world.branch)
    upload = SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")
    with pytest.raises(ValidationError, match="请先撤回"):
        services.attachment_add(actor=world.secretary, notice=notice, upload=upload)
    assert not NoticeAttachment.objects.exists()
