"""Every much-used page fits a phone: Debian's headless chromium opens the ten most used pages at
375 and 1280 px wide and the page never scrolls sideways (wide tables scroll inside their own box).
The top bar is one 菜单 button on a phone and a line of area menus on a desk.

Screenshots land in test-artifacts/screens/<page>-<width>.png for people to look at.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from tests.test_browser import ARGS, ARTIFACTS, CHROMIUM

SCREENS = ARTIFACTS / "screens"
PHONE = {"width": 375, "height": 800}
DESK = {"width": 1280, "height": 800}
WIDTHS = (PHONE, DESK)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
    ),
]


@pytest.fixture(autouse=True)
def seeded(transactional_db):
    """Transactional (the live server's thread must see the rows), with the rows the migrations seed —
    the 三会一课 types and their cadence rules — put back: an earlier transactional test's flush
    removed them."""
    from django.apps import apps

    seed = import_module("zhibu.meetings.migrations.0003_default_types_and_rules").seed
    seed(apps, None)


@pytest.fixture
def chromium(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def open_as(chromium, live_server):
    """open_as(user) -> a page logged in as user (the session cookie of Client.force_login), which
    records console errors, CSP refusals and HTTP errors in page.problems."""
    from django.test import Client

    contexts = []

    def _open(user):
        client = Client()  # one each: logging out of a shared client would end the other's session
        client.force_login(user)
        context = chromium.new_context(viewport=DESK, locale="zh-CN")
        contexts.append(context)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.problems = []
        page.on("console", lambda msg: msg.type in ("error", "warning") and page.problems.append(msg.text))
        page.on("pageerror", lambda exc: page.problems.append(str(exc)))
        page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status} {r.url}"))
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def ledgers(world):
    """A few rows in each ledger, with the long titles real branches write."""
    from zhibu.meetings.tests.factories import MeetingFactory
    from zhibu.mentoring.tests.factories import make_case, make_log
    from zhibu.reports.tests.factories import ReportDocumentFactory
    from zhibu.study.tests.factories import StudySessionFactory

    branch, people = world.branch, world.people
    now = timezone.localtime()
    present = [people["secretary"], people["committee"], people["member"]]
    meetings = [
        MeetingFactory(
            organisation=branch,
            held_at=timezone.make_aware(datetime(now.year, max(1, now.month - 1), 10 + n, 15, 30)),
            attendees=present,
        )
        for n in range(3)
    ]
    meetings.append(
        MeetingFactory(
            organisation=branch,
            topic="学习贯彻习近平新时代中国特色社会主义思想主题教育专题组织生活会暨民主评议党员大会",
            held_at=timezone.make_aware(datetime(now.year, now.month, 1, 14, 0)),
            types=("general_meeting", "party_lecture"),
            attendees=present,
        )
    )
    StudySessionFactory(organisation=branch, held_on=now.date() - timedelta(days=3), present=present)
    StudySessionFactory(
        organisation=branch,
        topic="深入学习《中国共产党纪律处分条例》专题辅导报告会（第二期）",
        held_on=now.date() - timedelta(days=10),
        present=present,
    )
    case = make_case(people["secretary"])
    make_log(case, date(now.year, now.month, 1))
    ReportDocumentFactory(organisation=branch, start=date(now.year, 1, 1), end=date(now.year, 1, 31))
    return {"meeting": meetings[-1]}


def _pages(world, ledgers) -> list[tuple[str, str, str]]:
    """(name, persona, path): the ten most used pages and who uses them, and the bureau's grid."""
    return [
        ("dashboard", "secretary", "/"),
        ("people", "secretary", "/people/"),
        ("person", "secretary", f"/people/{world.people['member'].pk}/"),
        ("meetings", "secretary", "/meetings/"),
        ("meeting", "secretary", f"/meetings/{ledgers['meeting'].pk}/"),
        ("calendar", "secretary", "/meetings/calendar/"),
        ("study", "secretary", "/study/"),
        ("my-study", "member", "/study/mine/"),
        ("mentoring", "secretary", "/mentoring/"),
        ("reports", "secretary", "/reports/"),
        ("bureau-grid", "bureau", "/bureau/"),
    ]


def _sideways(page) -> int:
    """How many pixels the page scrolls sideways (0 when it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_the_ten_most_used_pages_fit_a_phone_and_a_desk(world, ledgers, live_server, open_as):
    SCREENS.mkdir(parents=True, exist_ok=True)
    pages = {persona: open_as(world.users[persona]) for persona in ("secretary", "member", "bureau")}
    toggle = {persona: page.locator(".navtoggle") for persona, page in pages.items()}
    overflowing = []
    for name, persona, path in _pages(world, ledgers):
        page = pages[persona]
        for size in WIDTHS:
            page.set_viewport_size(size)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, (name, response.status, page.url)
            assert page.url == f"{live_server.url}{path}", name  # not sent to the login page
            if _sideways(page) > 0:
                overflowing.append((name, size["width"], _sideways(page)))
            # The 菜单 button exists only on a phone; the area menus only on a desk.
            phone = size is PHONE
            assert toggle[persona].is_visible() is phone, (name, size)
            assert page.locator(".mainnav").is_visible() is not phone, (name, size)
            page.screenshot(path=str(SCREENS / f"{name}-{size['width']}.png"), full_page=True)
    assert not overflowing, f"pages that scroll sideways (page, width, pixels): {overflowing}"
    for page in pages.values():
        violations = [m for m in page.problems if "Content Security Policy" in m or "Refused to" in m]
        assert not violations, violations
        assert not [m for m in page.problems if not _known(m)], page.problems


# Console messages this test tolerates: none today (every page must be clean).
KNOWN_PROBLEMS: tuple[str, ...] = ()


def _known(message: str) -> bool:
    return any(known in message for known in KNOWN_PROBLEMS)


def test_the_phone_menu_opens_the_grouped_list(world, live_server, open_as):
    from zhibu.core.registries import navigation

    page = open_as(world.secretary)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/meetings/calendar/")
    toggle = page.get_by_role("button", name="菜单")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    nav = page.get_by_role("navigation", name="主菜单")
    assert nav.is_visible()
    # Every group the secretary has is listed under its heading, every entry of it visible.
    for group in navigation.items_for(world.secretary):
        for entry in group["items"]:
            assert nav.get_by_role("link", name=entry["label"], exact=True).is_visible(), entry
        if not group["top"]:
            assert nav.locator(".navgroup-title", has_text=group["label"]).is_visible(), group["label"]
    # The current page is marked, and so is its group.
    assert nav.get_by_role("link", name="工作日历").get_attribute("aria-current") == "page"
    assert "is-current" in nav.locator(".navgroup", has_text="组织生活").get_attribute("class")
    assert page.get_by_role("searchbox", name="搜索").is_visible()
    assert page.get_by_role("button", name="退出").is_visible()
    assert _sideways(page) <= 0
    page.screenshot(path=str(SCREENS / "menu-open-375.png"), full_page=True)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()

    # Following an entry from the open menu works.
    toggle.click()
    nav.get_by_role("link", name="人员名册").click()
    page.wait_for_url(f"{live_server.url}/people/")
    assert not page.problems, page.problems


def test_the_desk_menus_open_on_click_and_keyboard(world, live_server, open_as):
    page = open_as(world.secretary)
    page.set_viewport_size(DESK)
    page.goto(f"{live_server.url}/")
    bar = page.locator("header.topbar")
    assert bar.bounding_box()["height"] < 60, "the top bar is one line on a desk"
    life = page.get_by_role("button", name="组织生活")
    study = page.get_by_role("button", name="学习")
    calendar = page.get_by_role("link", name="工作日历")
    assert life.get_attribute("aria-expanded") == "false" and not calendar.is_visible()

    life.click()
    assert life.get_attribute("aria-expanded") == "true" and calendar.is_visible()
    page.screenshot(path=str(SCREENS / "menu-open-1280.png"))
    study.click()  # one menu open at a time
    assert life.get_attribute("aria-expanded") == "false" and not calendar.is_visible()
    assert page.get_by_role("link", name="我的学习").is_visible()
    page.keyboard.press("Escape")
    assert study.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.textContent") == "学习"  # focus back on the button

    # Keyboard: Enter opens, ArrowDown moves into the list, a click elsewhere closes.
    life.focus()
    page.keyboard.press("Enter")
    assert life.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "组织生活记录"
    page.get_by_role("heading", level=1).click()
    assert not calendar.is_visible()

    # The user menu holds 修改密码 and 退出.
    page.get_by_role("button", name="张文华").click()
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    assert not page.problems, page.problems


def test_a_members_menu_has_only_what_she_may_open(world, live_server, open_as):
    from zhibu.core.registries import navigation

    page = open_as(world.member)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="菜单").click()
    links = page.locator(".mainnav a")
    shown = [(links.nth(i).inner_text(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    expected = [(entry["label"], entry["url"]) for entry in navigation.entries_for(world.member)]
    assert shown == expected
    assert "人员名册" not in dict(shown) and "操作日志" not in dict(shown)
    for label, href in shown:
        response = page.request.get(f"{live_server.url}{href}", max_redirects=0)
        assert response.status == 200, (label, href, response.status)
    page.screenshot(path=str(SCREENS / "menu-member-375.png"), full_page=True)
