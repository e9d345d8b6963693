from zhibu.core import demo  # noqa: F401
