"""A real browser through the real login form: Debian's headless chromium via Playwright.

Saves test-artifacts/dashboard.png for people to look at, and fails on any CSP violation, which
would mean a page relies on inline script or style that the browser silently refused to run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
    ),
]


@pytest.fixture
def browser_page(monkeypatch):
    if shutil.which("chromium") is None and not Path(CHROMIUM).exists():
        pytest.skip("no chromium")
    # Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console", lambda msg: msg.type in ("error", "warning") and page.console_errors.append(msg.text)
        )
        page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
        page.on(
            "response",
            lambda r: r.status >= 400 and page.console_errors.append(f"HTTP {r.status} {r.url}"),
        )
        yield page
        context.close()
        browser.close()


def menu_link(page, area: str, label: str):
    """The link `label` of the top bar's area menu, opened first unless the area shows its only
    entry as a plain link."""
    nav = page.get_by_role("navigation", name="主菜单")
    area_button = nav.get_by_role("button", name=area, exact=True)
    if area_button.count():
        area_button.click()
    link = nav.get_by_role("link", name=label, exact=True)
    assert link.is_visible(), (area, label)
    return link


def test_secretary_logs_in_and_sees_the_dashboard(transactional_db, world, live_server, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url  # anonymous: sent to the login page
    assert page.get_by_role("heading", name="登录支部工作台账").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "login.png"))

    page.fill("#id_username", "secretary")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{live_server.url}/")

    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "XX市育才学校党支部 · 工作台"
    assert page.get_by_text("党员占教职工比例", exact=True).is_visible()
    assert page.get_by_role("button", name="张文华").is_visible()  # the user menu
    # The stylesheet loaded and applied (the top bar is the party red, not the browser default).
    topbar = page.locator("header.topbar").evaluate("el => getComputedStyle(el).backgroundColor")
    assert topbar == "rgb(183, 28, 28)"

    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    menu_link(page, "组织与人员", "人员名册").click()
    page.wait_for_url(f"{live_server.url}/people/")
    assert page.get_by_role("link", name="刘丹").is_visible()
    page.screenshot(path=str(ARTIFACTS / "people.png"), full_page=True)

    violations = [m for m in page.console_errors if "Content Security Policy" in m or "Refused to" in m]
    assert not violations, violations
    assert not page.console_errors, page.console_errors

    # Logging out through the user menu's POST form ends the session.
    page.get_by_role("button", name="张文华").click()
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    page.goto(f"{live_server.url}/people/")
    assert "/accounts/login/" in page.url
