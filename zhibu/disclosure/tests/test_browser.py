"""A logged-out browser reads the demo-like public board at 375 px: no sideways scroll, a
screenshot for people to look at, the draft and the other branch's draft nowhere; printed, the
objection form is left out."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.test_browser_layout import PHONE, chromium, pytestmark, seeded  # noqa: F401

from . import helpers

pytestmark = pytestmark  # noqa: PLW0127 - the browser marks and the chromium skip


def test_public_board_reads_on_a_phone_without_login(world, live_server, chromium, tmp_path):  # noqa: F811
    today = timezone.localdate()
    helpers.notice(
        world.branch,
        title="党支部工作计划：加强理论学习、落实三会一课、推进党务公开和志愿服务常态化长效化建设",
        publish_from=today - timedelta(days=10),
        body="一、" + "加强理论学习，坚持三会一课制度。" * 20,
    )
    notice = helpers.open_notice(world.branch, body="刘晓筱（组织委员）\n于雪华（宣传委员）")
    helpers.draft(world.branch, title="尚未发布的草稿")
    helpers.draft(world.other_branch, title="十四中的草稿")
    context = chromium.new_context(viewport=PHONE, locale="zh-CN")  # no session cookie: logged out
    page = context.new_page()
    problems = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    response = page.goto(f"{live_server.url}/public/yucai/")
    assert response.status == 200
    page.screenshot(path=str(tmp_path / "board-375.png"), full_page=True)
    assert (tmp_path / "board-375.png").stat().st_size > 0
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    text = page.inner_text("body")
    assert "党支部工作计划" in text and "优秀共产党员推荐人选公示" in text
    assert "尚未发布的草稿" not in text and "十四中的草稿" not in text

    page.goto(f"{live_server.url}/public/yucai/{notice.pk}/")
    page.screenshot(path=str(tmp_path / "notice-375.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.is_visible("form textarea")
    page.emulate_media(media="print")
    assert not page.is_visible(".board-objection")
    assert not problems
    context.close()
