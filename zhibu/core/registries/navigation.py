"""Navigation registry: each app adds its menu entries with the permission that shows them, so the
menu never links to a page the user cannot open and no app edits the base template.

The menu is grouped by area of work. Core declares every group (code, label, order) in
`core/nav.py`; a ledger's `nav.py` only names the group code of each entry:

    navigation.register(_("工作日历"), "meetings:calendar", perm="meetings.view", group="life", order=21)

An entry without a group is a top-level link (工作台). `items_for(user)` gives the top-level links
and the groups that hold at least one entry the user may open, in order, each group with only
those entries — a role never sees an empty group or a link that would answer 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from .. import policy


@dataclass(frozen=True)
class NavGroup:
    code: str
    label: Any  # str or lazy translation, evaluated per request
    order: int


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    perm: str
    group: str = ""  # "" is a top-level link
    order: int = 100


_GROUPS: dict[str, NavGroup] = {}
_ITEMS: dict[str, NavItem] = {}  # by url_name: registering twice (autodiscover again) replaces


def group(code: str, label, order: int) -> None:
    """Declare an area of the menu. Only core declares groups; ledgers reference their codes."""
    _GROUPS[code] = NavGroup(code, label, order)


def register(label, url_name: str, *, perm: str, group: str = "", order: int = 100) -> None:
    _ITEMS[url_name] = NavItem(label, url_name, perm, group, order)


def groups() -> list[NavGroup]:
    return sorted(_GROUPS.values(), key=lambda g: (g.order, g.code))


def entries() -> list[NavItem]:
    return sorted(_ITEMS.values(), key=lambda i: (i.order, i.url_name))


def _group_of(item: NavItem) -> NavGroup:
    try:
        return _GROUPS[item.group]
    except KeyError:
        raise LookupError(
            f"nav entry {item.url_name!r} names group {item.group!r}, which core/nav.py does not declare"
        ) from None


def _entry(item: NavItem) -> dict[str, Any]:
    return {"label": str(item.label), "url": reverse(item.url_name), "name": item.url_name, "current": ""}


def items_for(user, path: str | None = None) -> list[dict[str, Any]]:
    """The menu of `user`: top-level links and non-empty groups, in order.

    Each element is {"code", "label", "top", "items", "current"}: a top-level link has top=True,
    code "" and its own entry as the only item; a group has its visible entries. Each entry is
    {"label", "url", "name", "current"}. With `path` (request.path), the entry whose URL is the
    longest prefix of it is marked current ("page" on that very page, "true" below it, e.g. a
    meeting under 组织生活) and so is its group.
    """
    menu: dict[str, dict[str, Any]] = {}
    ranked: list[tuple[tuple[int, int, str], dict[str, Any]]] = []
    for item in entries():
        if not policy.has_perm(user, item.perm):
            continue
        if not item.group:
            element = {"code": "", "label": str(item.label), "top": True, "items": [_entry(item)]}
            ranked.append(((item.order, 0, item.url_name), element))
            continue
        nav_group = _group_of(item)
        if nav_group.code not in menu:
            menu[nav_group.code] = {
                "code": nav_group.code,
                "label": str(nav_group.label),
                "top": False,
                "items": [],
            }
            ranked.append(((nav_group.order, 1, nav_group.code), menu[nav_group.code]))
        menu[nav_group.code]["items"].append(_entry(item))
    result = [element for _, element in sorted(ranked, key=lambda pair: pair[0])]
    for element in result:
        element["current"] = False
    if path:
        _mark_current(result, path)
    return result


def _mark_current(menu: list[dict[str, Any]], path: str) -> None:
    best: tuple[int, dict, dict] | None = None
    for element in menu:
        for entry in element["items"]:
            url = entry["url"]
            # The root (工作台) is current only on itself, not as the prefix of every page.
            matches = path == url or (url.endswith("/") and url != "/" and path.startswith(url))
            if matches and (best is None or len(url) > best[0]):
                best = (len(url), element, entry)
    if best is not None:
        _, element, entry = best
        element["current"] = True
        entry["current"] = "page" if entry["url"] == path else "true"


def entries_for(user) -> list[dict[str, Any]]:
    """Every entry the user may open, flat, in menu order."""
    return [entry for element in items_for(user) for entry in element["items"]]
