"""Rows and files for honours tests (test setup, not the code under test)."""

from __future__ import annotations

from zhibu.core.testing import png_bytes

PNG = png_bytes()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
