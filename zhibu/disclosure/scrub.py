"""Attachments leave the branch without their document metadata: whoever downloads a 公示 from the
public page must not learn the author's name, the last editor, the company, the printer or where a
photo was taken.

Done in the standard library (no image or PDF library is a dependency):
- .docx/.xlsx: docProps/core.xml (creator, lastModifiedBy, dates, …), docProps/app.xml (Company,
  Manager, template, …) and docProps/custom.xml become empty property sets; every zip entry gets
  the same fixed timestamp.
- JPEG: APP1 (EXIF, XMP), APP3–APP13, APP15 and COM segments are dropped; JFIF (APP0), the ICC
  colour profile (APP2) and Adobe (APP14, needed to decode CMYK) stay. The image data is untouched.
- PNG: tEXt, zTXt, iTXt, eXIf and tIME chunks are dropped.
PDF (its Info dictionary and XMP stream), GIF and WebP are refused by the service with a message:
without a parser we could not promise they are clean.
"""

from __future__ import annotations

import io
import struct
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from zhibu.core.spreadsheets import guard

CORE_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)
CUSTOM_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
)
REPLACED = {"docProps/core.xml": CORE_XML, "docProps/app.xml": APP_XML, "docProps/custom.xml": CUSTOM_XML}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# JPEG markers kept before the scan: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe colour transform)
_KEEP_APP = {0xE0, 0xE2, 0xEE}
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Unreadable(ValueError):
    """The file does not parse as the kind it was detected as."""


class Hostile(Unreadable):
    """A zip over core.spreadsheets.guard's bounds (a zip bomb, ../ names); str() is the Chinese reason."""


def office(data: bytes) -> bytes:
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            _bounded(source)
            for info in source.infolist():
                content = REPLACED.get(info.filename) or source.read(info.filename)
                entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, content)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise Unreadable(str(exc)) from exc
    return out.getvalue()


def _bounded(source: zipfile.ZipFile) -> None:
    """Every entry is unpacked into memory below: refuse a zip bomb from its directory first."""
    limit = guard.UNZIP_FACTOR * settings.ZHIBU_ATTACHMENT_MAX_BYTES
    try:
        guard.check_archive(source, max_total=limit, what=_("文件"))
    except guard.Refusal as refusal:
        raise Hostile(refusal.reason) from None


def jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise Unreadable("not a JPEG")
    out = bytearray(b"\xff\xd8")
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise Unreadable("broken JPEG segment")
        marker = data[i + 1] if i + 1 < len(data) else None
        if marker is None:
            raise Unreadable("truncated JPEG")
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # start of scan (or end): the rest is image data
            out += data[i:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            out += data[i : i + 2]
            i += 2
            continue
        if i + 4 > len(data):
            raise Unreadable("truncated JPEG")
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        end = i + 2 + length
        if length < 2 or end > len(data):
            raise Unreadable("broken JPEG segment length")
        metadata = (0xE0 <= marker <= 0xEF and marker not in _KEEP_APP) or marker == 0xFE
        if not metadata:
            out += data[i:end]
        i = end
    raise Unreadable("JPEG without image data")


def png(data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise Unreadable("not a PNG")
    out = bytearray(PNG_SIGNATURE)
    i = len(PNG_SIGNATURE)
    while i < len(data):
        if i + 8 > len(data):
            raise Unreadable("truncated PNG")
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(data):
            raise Unreadable("broken PNG chunk")
        if kind not in _PNG_DROP:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    raise Unreadable("PNG without IEND")


CLEANERS = {".docx": office, ".xlsx": office, ".jpg": jpeg, ".png": png}


def clean(data: bytes, ext: str) -> bytes:
    """The bytes without metadata, for a detected kind's extension (".jpg", ".png", ".docx",
    ".xlsx"); Unreadable when they do not parse."""
    return CLEANERS[ext](data)
