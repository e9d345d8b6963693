"""The confusion-list checker, offered to every text editor through core's proofing registry."""

from zhibu.core.registries import proofing

from .checker import check

proofing.register("proofread.confusions", check)
