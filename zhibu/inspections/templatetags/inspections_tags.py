"""The score table's cells: their input names, and on a refused table the text the user typed
(so nothing she entered is lost while she corrects the cell the message names)."""

from django import template

from zhibu.inspections.models import plain

register = template.Library()


@register.simple_tag
def cell_key(branch_id: int, item_id: int) -> str:
    return f"{branch_id}-{item_id}"


@register.simple_tag
def posted_or(posted, prefix: str, key: str, value) -> str:
    if posted is not None and prefix + key in posted:
        return posted[prefix + key]
    return "" if value is None else str(value)


@register.filter(name="plain")
def plain_number(value) -> str:
    return "" if value is None else plain(value)
