"""The crawl: signed in as the secretary, follow every same-site link from the dashboard (GET only,
bounded), then ask for each page found as every other persona. A persona the permission matrix
forbids a URL (403 or 404 there) must be refused on every page of that URL the crawl found: 403,
404, or the login page. Mentoring pages never open for the bureau or another branch.

The branch is filled first with one row of each kind, made by the matrix's own row builders, so
the secretary's pages have rows to link to."""

from __future__ import annotations

import re
from collections import deque
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import Resolver404, resolve, reverse

from tests.test_permission_matrix import MATRIX
from zhibu.core import writes
from zhibu.core.testing import Case

REPLAY_AS = ("member", "checker", "committee", "outsider", "bureau")
MAX_PAGES = 400
MAX_DEPTH = 4
PER_NAME = 2  # pages of one URL name (filters, months, pages of a list) followed at most
# Not followed: leaving, files and exports (written to the audit log, slow, no links), and the
# background jobs those start.
SKIP = re.compile(r"^(logout|login|password_change_done)$|export|download|booklet|slips|workbook|scan|file$"
                  r"|attachment$|evidence|^core:job|^core:backup|^reports:document$")  # fmt: skip
HREF = re.compile(r'href="(/[^"#]*)')


def _seed(world) -> None:
    """One row of each kind in branch A: the rows the matrix builds for its own cases (a builder
    whose row exists already, e.g. one appraisal per member and year, is skipped)."""
    for case in MATRIX.values():
        try:
            with writes.batch():
                case.resolve_kwargs(world)
                case.resolve_query(world)
        except (IntegrityError, ValidationError):
            continue


def _links(html: str) -> list[str]:
    hrefs = (unescape(href) for href in HREF.findall(html))
    return [href for href in hrefs if not href.startswith(("//", "/static/", "/media/"))]


def _name(url: str) -> str | None:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name if match.url_name else None


def crawl(client) -> dict[str, str]:
    """{url: url_name} of the pages the signed-in user opens from the dashboard (status 200)."""
    start = reverse("core:dashboard")
    found: dict[str, str] = {}
    seen, per_name = {start}, {}
    queue = deque([(start, 0)])
    while queue and len(found) < MAX_PAGES:
        url, depth = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        found[url] = _name(url) or ""
        if depth >= MAX_DEPTH or "html" not in response.get("Content-Type", ""):
            continue
        for link in _links(response.content.decode()):
            name = _name(link)
            if link in seen or not name or SKIP.search(name) or per_name.get(name, 0) >= PER_NAME:
                continue
            seen.add(link)
            per_name[name] = per_name.get(name, 0) + 1
            queue.append((link, depth + 1))
    return found


def _names_an_object(url: str) -> bool:
    """The URL names a row or an organisation (a pk in the path, ?org=): not the persona's own home."""
    parts = urlsplit(url)
    return bool(resolve(parts.path).kwargs) or "org" in parse_qs(parts.query)


def _refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


def _must_refuse(case: Case, persona: str, url: str) -> bool:
    expected = case.expect[persona]
    # Another branch's secretary on a page without ?org= or a row sees her own branch's page.
    return expected == 403 or (expected == 404 and _names_an_object(url))


@pytest.mark.django_db
def test_secretary_crawl_replayed_as_every_persona(world, client, monkeypatch):
    _seed(world)
    client.force_login(world.secretary)
    pages = crawl(client)
    names = set(pages.values())
    assert len(pages) >= 150, f"the crawl found only {len(pages)} pages: {sorted(names)}"
    assert {"meetings:detail", "mentoring:case", "core:recycle", "study:checks", "core:accounts"} <= names

    monkeypatch.setattr("django.template.backends.django.Template.render", lambda *args, **kwargs: "")
    wrong, replayed = [], 0
    for persona in REPLAY_AS:
        client.force_login(world.users[persona])
        for url, name in pages.items():
            case = MATRIX.get(name)
            if case is None:
                continue
            # The bureau never opens a mentoring page; another branch's secretary none of branch A's.
            mentoring = name.startswith("mentoring:") and (
                persona == "bureau" or (persona == "outsider" and _names_an_object(url))
            )
            if not (mentoring or _must_refuse(case, persona, url)):
                continue
            response = client.get(url)
            replayed += 1
            if not _refused(response):
                wrong.append(f"{persona} {url} ({name}): {response.status_code}")
    print(f"\ncrawl: {len(pages)} pages of {len(names)} URL names, {replayed} replays")
    assert not wrong, "pages the policy forbids were served:\n" + "\n".join(wrong)
