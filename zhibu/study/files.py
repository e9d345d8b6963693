"""Scanned note pages: accepted by what the bytes are (content signature), not by the name."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# (magic bytes, content type, extension)
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"%PDF-", "application/pdf", "pdf"),
)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_scan(upload: UploadedFile) -> tuple[str, str]:
    """(content type, extension) of an acceptable scan; ValidationError naming the file otherwise."""
    limit = settings.ZHIBU_ATTACHMENT_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            {
                "scan": _("扫描件“%(name)s”大小为%(size)s，超过上限%(limit)s，请压缩后再上传。")
                % {"name": upload.name, "size": _megabytes(upload.size), "limit": _megabytes(limit)}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, ext in SIGNATURES:
        if head.startswith(magic):
            return content_type, ext
    raise ValidationError(
        {
            "scan": _("扫描件“%(name)s”不是图片或PDF文件，只能上传 JPG、PNG 图片或 PDF。")
            % {"name": upload.name}
        }
    )
