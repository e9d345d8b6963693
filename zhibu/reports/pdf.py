"""PDF through LibreOffice, with the 公文 fonts users rarely have mapped onto Noto CJK.

A .docx names 方正小标宋简体, 仿宋_GB2312, 黑体 and 楷体_GB2312 — the faces GB/T 9704 expects — and
Word on an office PC has them. A server usually has only fonts-noto-cjk; without a mapping
fontconfig falls back to whatever it likes (often a Latin face with CJK glyphs borrowed at random
weights). We run soffice with a private fontconfig file (FONTCONFIG_FILE) that includes the system
configuration and then binds each 公文 name strongly to a Noto face:

    方正小标宋简体 → Noto Serif CJK SC (bold)   仿宋_GB2312 / 楷体_GB2312 / 宋体 → Noto Serif CJK SC
    黑体 → Noto Sans CJK SC

The same file works system-wide: copy FONTCONFIG_TEXT to /etc/fonts/conf.d/65-zhibu-gongwen.conf.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ALIASES = {
    "方正小标宋简体": ("Noto Serif CJK SC", "bold"),
    "仿宋_GB2312": ("Noto Serif CJK SC", None),
    "仿宋": ("Noto Serif CJK SC", None),
    "楷体_GB2312": ("Noto Serif CJK SC", None),
    "楷体": ("Noto Serif CJK SC", None),
    "宋体": ("Noto Serif CJK SC", None),
    "黑体": ("Noto Sans CJK SC", None),
}
TIMEOUT_SECONDS = 120


def _match(name: str, target: str, weight: str | None) -> str:
    extra = f'<edit name="weight" mode="assign"><const>{weight}</const></edit>' if weight else ""
    return (
        f'<match target="pattern"><test name="family" qual="any"><string>{name}</string></test>'
        f'<edit name="family" mode="prepend" binding="strong"><string>{target}</string></edit>{extra}</match>'
    )


FONTCONFIG_TEXT = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
    + "\n".join(_match(name, face, weight) for name, (face, weight) in ALIASES.items())
    + "\n</fontconfig>\n"
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def convert(docx: bytes) -> bytes:
    """docx bytes → pdf bytes. Raises RuntimeError when LibreOffice is missing or fails."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="zhibu-pdf-") as tmp:
        work = Path(tmp)
        (work / "fonts.conf").write_text(FONTCONFIG_TEXT, encoding="utf-8")
        source = work / "document.docx"
        source.write_bytes(docx)
        env = {**os.environ, "FONTCONFIG_FILE": str(work / "fonts.conf"), "HOME": str(work)}
        command = [
            binary,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        result = subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)  # noqa: S603
        target = work / "document.pdf"
        if result.returncode != 0 or not target.exists():
            raise RuntimeError(f"soffice failed: {result.stderr.decode(errors='replace')[:500]}")
        return target.read_bytes()
