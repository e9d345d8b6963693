"""The tutoring quick-add on a phone: a member opens it at 375 px, it fits without sideways
scrolling, and she logs a session with one tap on 保存 (the fields are filled in). The screenshot
lands in test-artifacts/screens/service-quick-add-375.png."""

from __future__ import annotations

import pytest

from tests.test_browser_layout import PHONE, SCREENS, chromium, open_as, seeded  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_member_logs_tutoring_on_a_phone(world, live_server, open_as):  # noqa: F811
    from zhibu.service.models import TutoringSession

    SCREENS.mkdir(parents=True, exist_ok=True)
    page = open_as(world.member)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/service/tutoring/new/?org=yucai")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.fill("input[name=subject]", "数学")
    page.screenshot(path=str(SCREENS / "service-quick-add-375.png"), full_page=True)
    page.click(".card form button[type=submit]")
    page.wait_for_load_state()
    assert "已登记" in page.content()
    assert TutoringSession.objects.get().tutor == world.people["member"]
    page.screenshot(path=str(SCREENS / "service-quick-add-saved-375.png"), full_page=True)
