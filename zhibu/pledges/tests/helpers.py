"""Test data shared by the pledges tests (setup, not the code under test)."""

from zhibu.core.testing import png_bytes

PNG = png_bytes()
