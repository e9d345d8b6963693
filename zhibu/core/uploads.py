"""Upload checks shared by every ledger: type by content (never by the name or the browser's
claim), size by settings.ZHIBU_ATTACHMENT_MAX_BYTES. Photos must really be JPEG/PNG/GIF/WebP;
documents PDF, Word (.docx) or Excel (.xlsx); a caller may accept fewer (`accept`). SVG and
anything else a browser could execute is refused.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    kind: str  # "image" or "document"
    ext: str
    content_type: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes, UploadedFile], bool]


def _zip_member(member: str) -> Callable[[bytes, UploadedFile], bool]:
    def sniff(head: bytes, upload: UploadedFile) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                return member in archive.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)

    return sniff


KINDS = [
    FileKind("image", ".jpg", "image/jpeg", (".jpg", ".jpeg"), lambda h, _u: h.startswith(b"\xff\xd8\xff")),
    FileKind(
        "image",
        ".png",
        "image/png",
        (".png",),
        lambda h, _u: h.startswith(b"\x89PNG\r\n\x1a\n") and h[12:16] == b"IHDR",
    ),
    FileKind("image", ".gif", "image/gif", (".gif",), lambda h, _u: h[:6] in (b"GIF87a", b"GIF89a")),
    FileKind(
        "image", ".webp", "image/webp", (".webp",), lambda h, _u: h[:4] == b"RIFF" and h[8:12] == b"WEBP"
    ),
    FileKind("document", ".pdf", "application/pdf", (".pdf",), lambda h, _u: h.startswith(b"%PDF-")),
    FileKind(
        "document",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
        _zip_member("word/document.xml"),
    ),
    FileKind(
        "document",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (".xlsx",),
        _zip_member("xl/workbook.xml"),
    ),
]
IMAGE_EXTENSIONS = {e for k in KINDS if k.kind == "image" for e in k.extensions}


class BoundedUploadHandler(TemporaryFileUploadHandler):
    """Keeps at most one byte more than the largest upload limit of each file and only counts the
    rest: the file's `size` stays the real one, so every size check (check_upload, the import
    forms) refuses it with its Chinese message, and a 5 GB upload costs no disk."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.kept = 0
        self.keep = max(settings.ZHIBU_ATTACHMENT_MAX_BYTES, settings.ZHIBU_IMPORT_MAX_BYTES) + 1

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        room = self.keep - self.kept
        if room > 0:
            self.file.write(raw_data[:room])
            self.kept += min(room, len(raw_data))


def clean_name(name: str) -> str:
    """A display name only (never a path): last component, no control characters, bounded."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return (base or "file")[:120]


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


SCANS = (".jpg", ".jpeg", ".png", ".pdf")  # scanned pages and evidence: images or PDF


def check_upload(upload: UploadedFile, accept: tuple[str, ...] | None = None) -> FileKind:
    """The detected kind, or a ValidationError naming the file and what is wrong with it.
    `accept`: the extensions this upload may have (default: every kind above)."""
    kinds = [k for k in KINDS if accept is None or set(k.extensions) & set(accept)]
    allowed = "、".join(sorted({e for k in kinds for e in k.extensions}))
    name = clean_name(upload.name or "")
    limit = settings.ZHIBU_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s”大小为%(size)s，超过附件上限%(limit)s，请压缩后再上传。")
            % {"name": name, "size": _mb(upload.size), "limit": _mb(limit)}
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s”是空文件。") % {"name": name})
    upload.seek(0)
    head = upload.read(32)
    upload.seek(0)
    ext = PurePath(name).suffix.lower()
    detected = next((k for k in kinds if k.sniff(head, upload)), None)
    if ext in IMAGE_EXTENSIONS and (detected is None or detected.kind != "image"):
        raise ValidationError(
            _("“%(name)s”不是有效的图片：文件内容与扩展名不符。照片只能是 JPEG、PNG、GIF 或 WebP 格式。")
            % {"name": name}
        )
    if detected is None:
        raise ValidationError(
            _("“%(name)s”的格式不受支持。只能上传以下格式：%(allowed)s。")
            % {"name": name, "allowed": allowed}
        )
    if ext not in detected.extensions:
        raise ValidationError(
            _("“%(name)s”的扩展名与文件内容（%(ext)s）不符，请确认后重新上传。")
            % {"name": name, "ext": detected.ext}
        )
    return detected


def store_upload(
    upload: UploadedFile,
    name_for: Callable[[str], str],
    *,
    accept: tuple[str, ...] | None = None,
    field: str = "attachment",
) -> tuple[str, str, str]:
    """Judge the upload by its bytes, then store it under the generated name `name_for(ext)` — never
    the uploader's. Returns (stored name, content type, the uploader's file name for display); a
    refusal names `field`. Call it after every other check, so a refused form leaves no file behind."""
    try:
        kind = check_upload(upload, accept=accept)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc
    name = default_storage.save(name_for(kind.ext), File(upload))
    return name, kind.content_type, clean_name(upload.name or "")[:200]
