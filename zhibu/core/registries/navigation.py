"""Navigation registry: each app adds its menu entries with the permission that shows them, so the
menu never links to a page the user cannot open and no app edits the base template."""

from dataclasses import dataclass

from django.urls import reverse

from .. import policy


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: str
    order: int = 100
    section: str = ""


_ITEMS: list[NavItem] = []


def register(label: str, url_name: str, *, perm: str, order: int = 100, section: str = "") -> None:
    item = NavItem(str(label), url_name, perm, order, section)
    if item not in _ITEMS:
        _ITEMS.append(item)


def items_for(user) -> list[dict]:
    visible = [i for i in sorted(_ITEMS, key=lambda i: i.order) if policy.has_perm(user, i.perm)]
    return [
        {"label": i.label, "url": reverse(i.url_name), "name": i.url_name, "section": i.section}
        for i in visible
    ]
