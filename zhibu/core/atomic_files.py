"""Files written whole or not at all: into a private temporary file beside the target, flushed to
disk, then renamed over it (os.replace is atomic on one file system). A full disk (ENOSPC) or any
error midway removes the temporary file and leaves the target as it was: no reader, and no later
download, ever sees half a report."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.utils.translation import gettext as _

CHUNK = 64 * 1024


def write_atomic(path: Path, content: bytes | Iterable[bytes]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # 0600
    try:
        try:
            for chunk in [content] if isinstance(content, bytes) else content:
                view = memoryview(chunk)
                for start in range(0, len(view), CHUNK):
                    _write_all(fd, view[start : start + CHUNK])
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: memoryview) -> None:
    while data:  # os.write may write less than asked (a signal, a nearly full disk)
        data = data[os.write(fd, data) :]


def failure_message(exc: OSError) -> str:
    """What a user is told when a file could not be written on the server."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("服务器磁盘空间不足，文件未能保存（没有留下不完整的文件）。请联系管理员清理磁盘后重试。")
    return _("服务器无法保存文件（%(e)s），请联系管理员。") % {"e": exc.strerror or exc.__class__.__name__}
