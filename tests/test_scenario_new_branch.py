"""Issue 9's story, end to end in Debian's headless chromium, once at a desk and once on a phone:

the bureau creates a new branch and registers its secretary, who logs in with the one-time
password, changes it, says from which day the branch keeps its ledgers here, adds people, opens
their logins and makes one of them 支委, recording him as 组织委员 on the 支部委员会 page; enters
last year's meetings in one table (no 补录 finding); records an all-staff study with 出席/请假/缺席
(members and staff counted apart); removes a wrong meeting and restores it from the 回收站; imports a
1,000-row roster through the real queue and watches the job's progress bar move.

Every page is reached through the pages themselves (forms, buttons, the menu), never the ORM, and
none scrolls sideways at 375 px. Screenshots land in test-artifacts/scenario/<viewport>/NN-step.png
(not committed, like the layout test's) for people to look at.
"""

from __future__ import annotations

import re
import threading
import time
from datetime import date
from importlib import import_module
from pathlib import Path

import pytest
from django.utils import timezone

from conftest import PASSWORD
from tests.test_browser import ARGS, ARTIFACTS, CHROMIUM
from zhibu.people.services import roster as roster_services
from zhibu.people.tests.roster_files import sample_rows as roster_rows
from zhibu.people.tests.roster_files import xlsx_bytes

VIEWPORTS = {"desk": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
NEW_PASSWORD = "Chunmei-2024!"  # noqa: S105 - test account only
ROSTER_ROWS = 1000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
    ),
]


@pytest.fixture(autouse=True)
def seeded(transactional_db):
    """Transactional (the live server's thread must see the rows), with the 三会一课 types and their
    cadence rules the migrations seed put back: an earlier transactional test's flush removed them."""
    from django.apps import apps

    import_module("zhibu.meetings.migrations.0003_default_types_and_rules").seed(apps, None)


@pytest.fixture(autouse=True)
def _fast_hashers(settings):
    """The story hashes seven passwords (logins, one-time passwords, the change): test-strength
    Argon2 keeps that to milliseconds. The world's accounts are hashed the same way."""
    from zhibu.core.tests.factories import FAST_HASHERS

    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def chromium(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django would then refuse ORM calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


class Story:
    """One person's browser in the story: pages are opened, screenshotted and checked the same way."""

    def __init__(self, browser, base: str, viewport: str, shots: list):
        self.base = base
        self.phone = viewport == "phone"
        self.folder = ARTIFACTS / "scenario" / viewport
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shots = shots
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda exc: self.problems.append(str(exc)))
        self.page.on(
            "console",
            lambda msg: msg.type in ("error", "warning") and self.problems.append(msg.text),
        )
        self.page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status} {r.url}")
        )

    def go(self, path: str):
        response = self.page.goto(f"{self.base}{path}")
        assert response.status == 200, (path, response.status)
        return self.page

    def shot(self, name: str) -> None:
        """Screenshot the page as the step left it; at 375 px the page must not scroll sideways."""
        self.page.wait_for_load_state()
        sideways = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"{name}: {self.page.url} scrolls {sideways}px sideways"
        number = len(self.shots) + 1
        self.shots.append(name)
        self.page.screenshot(path=str(self.folder / f"{number:02d}-{name}.png"), full_page=True)

    def menu(self, area: str, label: str) -> None:
        """Follow `label` through the top bar: the 菜单 button on a phone, the area's menu at a desk."""
        page = self.page
        nav = page.get_by_role("navigation", name="主菜单")
        if self.phone:
            assert not nav.is_visible()
            page.get_by_role("button", name="菜单").click()
        else:
            area_button = nav.get_by_role("button", name=area, exact=True)
            if area_button.count():
                area_button.click()
        nav.get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state()

    def submit(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()
        self.page.wait_for_load_state()

    def message(self) -> str:
        return self.page.locator(".messages").inner_text()

    def login(self, username: str, password: str) -> None:
        self.go("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.submit("登录")


# Every value the job page's progress bar takes, recorded after each htmx poll swaps it in.
RECORD_PROGRESS = """() => {
  window.zhibuSeen = [];
  document.body.addEventListener("htmx:afterSettle", () => {
    const bar = document.querySelector("#job-status progress");
    if (bar) window.zhibuSeen.push(Number(bar.value));
  });
}"""


def _worker_batch() -> None:
    """`manage.py db_worker --batch` in a thread: its Worker directly (the command installs signal
    handlers, which only the main thread may). It runs on its own database connection."""
    from django.db import connection
    from django_tasks_db.management.commands.db_worker import Worker

    try:
        Worker(
            queue_names=["default"],
            interval=0.1,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="scenario",
            excluded_queue_names=[],
        ).run()
    finally:
        connection.close()


def _at_disk_speed(person_add):
    def slower(**kwargs):
        time.sleep(0.004)
        return person_add(**kwargs)

    return slower


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_new_branch_from_creation_to_a_thousand_people(
    world, live_server, chromium, viewport, settings, monkeypatch
):
    shots: list[str] = []
    today = timezone.localdate()
    last_year = today.year - 1

    # 1. The bureau creates the branch under itself and registers its secretary.
    bureau = Story(chromium, live_server.url, viewport, shots)
    bureau.login("bureau", PASSWORD)
    bureau.menu("管理", "下级组织")
    assert bureau.page.url.startswith(f"{live_server.url}/organisations/")
    bureau.page.get_by_role("link", name="新建下级组织").click()
    bureau.page.select_option("#id_parent", label="XX市教育体育局党委")
    bureau.page.fill("#id_code", "school-21")
    bureau.page.fill("#id_name", "XX市第二十一中学党支部")
    bureau.page.fill("#id_short_name", "二十一中支部")
    bureau.page.select_option("#id_kind", "branch")
    bureau.page.fill("#id_unit_name", "XX市第二十一中学")
    bureau.shot("bureau-new-branch")
    bureau.submit("建立")
    assert "已建立 XX市第二十一中学党支部" in bureau.message()
    row = bureau.page.locator("tr", has_text="XX市第二十一中学党支部")
    bureau.shot("bureau-branch-listed")
    row.get_by_role("link", name="设立书记").click()
    bureau.page.fill("#id_name", "王春梅")
    bureau.page.select_option("#id_gender", "F")
    bureau.page.fill("#id_member_since", "2008-07-01")
    bureau.page.fill("#id_username", "wangchunmei")
    bureau.shot("bureau-secretary-form")
    bureau.submit("设立书记并生成初始密码")
    password = bureau.page.locator("dd.mono b").inner_text()
    assert re.fullmatch(r"\w{4}-\w{4}-\w{4}", password), password
    bureau.shot("bureau-one-time-password")
    bureau.context.close()

    # 2. The secretary logs in with it, must change it, and sets up her branch.
    me = Story(chromium, live_server.url, viewport, shots)
    me.login("wangchunmei", password)
    assert me.page.url.startswith(f"{live_server.url}/accounts/password/")
    me.shot("secretary-must-change-password")
    me.page.fill("#id_old_password", password)
    me.page.fill("#id_new_password1", NEW_PASSWORD)
    me.page.fill("#id_new_password2", NEW_PASSWORD)
    me.submit("保存新密码")
    me.go("/")
    assert "XX市第二十一中学党支部" in me.page.get_by_role("heading", level=1).inner_text()
    me.shot("secretary-dashboard")

    me.menu("组织生活", "组织生活记录")
    me.go("/meetings/history/?org=school-21")
    me.page.fill("#id_day", today.isoformat())
    me.shot("history-start-day")
    me.submit("设置")
    assert "此日期前的记录按历史补录处理" in me.message()

    people = [
        ("李建国", "M", "full", "2012-07-01"),
        ("陈丽娟", "F", "full", "2015-06-30"),
        ("赵晓明", "M", "none", ""),  # a teacher who is not a member: all-staff study only
    ]
    for name, gender, status, since in people:
        me.menu("组织与人员", "人员名册")
        me.page.get_by_role("link", name="添加人员").click()
        me.page.fill("#id_name", name)
        me.page.select_option("#id_gender", gender)
        me.page.fill("#id_unit", "XX市第二十一中学")
        me.page.select_option("#id_party_status", status)
        if since:
            me.page.fill("#id_status_since", since)
        if name == "李建国":
            me.shot("person-form")
        me.submit("保存")
        assert f"已添加 {name}" in me.message()
    me.shot("person-added")

    me.menu("管理", "账号与角色")
    for name, username in (("李建国", "lijianguo"), ("陈丽娟", "chenlijuan")):
        me.page.locator("tr", has_text=name).get_by_role("link", name="开通账号").click()
        me.page.fill("#id_username", username)
        me.submit("开通账号并生成初始密码")
        assert re.fullmatch(r"\w{4}-\w{4}-\w{4}", me.page.locator("dd.mono b").inner_text())
        if name == "李建国":
            me.shot("member-account-password")
        me.page.get_by_role("link", name="我已记下，返回账号与角色").click()
    me.page.locator("tr", has_text="李建国").get_by_role("link", name="授予角色").click()
    me.page.select_option("#id_role", label="支委")
    me.shot("grant-committee")
    me.submit("授予")
    assert "已授予李建国 在 XX市第二十一中学党支部 的“支委”角色" in me.message()
    committee_row = me.page.locator("tr", has_text="李建国")
    assert "支委" in committee_row.inner_text() and "待修改初始密码" in committee_row.inner_text()
    me.shot("accounts")

    # The 支委 role opens his login; the committee's own record says which post he holds.
    me.menu("组织与人员", "支部委员会")
    me.page.get_by_role("link", name="换届").click()
    term_day = date(today.year, 1, 1)
    me.page.fill("#id_started_on", term_day.isoformat())
    me.submit("保存")
    assert f"已记录{term_day.isoformat()}换届" in me.message()
    me.page.get_by_role("link", name="记录支委任职").click()
    me.page.select_option("#id_person", label="李建国")
    me.page.select_option("#id_post", label="组织委员")
    me.page.fill("#id_started_on", term_day.isoformat())
    me.submit("保存")
    assert "已记录李建国任组织委员" in me.message()
    holder = me.page.locator("tr", has_text="李建国")
    assert "组织委员" in holder.inner_text() and "至今" in holder.inner_text()
    me.shot("committee")

    # 3. Last year's meetings in one table: history, not 补录.
    me.menu("组织生活", "组织生活记录")
    me.go("/meetings/history/?org=school-21")
    rows = [
        (date(last_year, 3, 15), "支部党员大会", "学习贯彻全国两会精神"),
        (date(last_year, 4, 10), "支委会", "研究年度发展党员计划"),
        (date(last_year, 6, 20), "党课", "书记讲党课：弘扬教育家精神"),
        (date(last_year, 9, 12), "主题党日", "（误录）教师节主题党日"),
    ]
    for n, (day, kind, topic) in enumerate(rows):
        me.page.fill(f"#id_form-{n}-held_on", day.isoformat())
        me.page.fill(f"#id_form-{n}-time", "15:30")
        me.page.select_option(f"#id_form-{n}-type", label=kind)
        me.page.fill(f"#id_form-{n}-topic", topic)
        me.page.fill(f"#id_form-{n}-place", "会议室")
    me.shot("history-table")
    me.submit("保存全部")
    assert "已补录4次会议" in me.message()
    me.shot("meetings-after-history")
    last = f"org=school-21&period=year&on={last_year}-06-01"
    me.go(f"/figures/meetings.held/?{last}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "召开会议次数：4次"
    me.go(f"/figures/meetings.late_records/?{last}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "事后补录的会议：0次"
    me.shot("no-late-records-last-year")
    me.go("/")
    findings = me.page.locator("section.card", has=me.page.get_by_role("heading", name="存在的问题"))
    assert "补录" not in findings.inner_text()
    me.shot("dashboard-no-late-finding")

    # 4. An all-staff study: 出席, 请假, 缺席; members and staff counted apart.
    me.menu("学习", "学习台账")
    me.go("/study/sessions/new/?org=school-21")
    me.page.select_option("#id_form", label="集中辅导")
    me.page.fill("#id_subject", "师德师风")
    me.page.fill("#id_topic", "全体教职工学习《新时代中小学教师职业行为十项准则》")
    me.page.fill("#id_held_on", today.isoformat())
    me.page.fill("#id_hours", "2")
    me.shot("study-form")
    me.submit("保存")
    assert "已登记集中学习" in me.message()
    me.page.get_by_role("link", name="出席登记（党员和教职工）").click()
    me.submit("全体教职工出席")
    assert "已登记全体人员出席" in me.message()
    me.page.select_option("select[aria-label='李建国']", label="请假")
    me.page.select_option("select[aria-label='陈丽娟']", label="缺席")
    me.shot("study-attendance-sheet")
    me.submit("保存")
    assert "出席情况已保存" in me.message()
    sheet = {
        me.page.locator("tbody tr").nth(i).locator("td").first.inner_text(): me.page.locator("tbody tr")
        .nth(i)
        .locator("td")
        .nth(1)
        .inner_text()
        for i in range(me.page.locator("tbody tr").count())
    }
    assert sheet == {"王春梅": "党员", "李建国": "党员", "陈丽娟": "党员", "赵晓明": "教职工"}
    this_year = f"org=school-21&period=year&on={today.isoformat()}"
    me.go(f"/figures/study.present_members/?{this_year}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "党员参加集中学习人次：1人次"
    me.shot("study-present-members")
    me.go(f"/figures/study.present_staff/?{this_year}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "非党员教职工参加集中学习人次：1人次"
    assert "赵晓明" in me.page.locator("table").inner_text()
    me.shot("study-present-staff")

    # 5. A wrong meeting goes to the 回收站 with a reason, and comes back.
    me.menu("组织生活", "组织生活记录")
    me.go("/meetings/?org=school-21")
    me.page.get_by_role("link", name="（误录）教师节主题党日").first.click()
    me.shot("wrong-meeting")
    me.page.get_by_role("link", name="删除", exact=True).click()
    me.page.fill("#id_reason", "误录：教师节主题党日当年未召开")
    me.shot("remove-with-reason")
    me.submit("确认删除")
    assert "已删除" in me.message()
    me.go(f"/figures/meetings.held/?{last}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "召开会议次数：3次"
    me.menu("管理", "回收站")
    removed = me.page.locator("tr", has_text="误录：教师节主题党日当年未召开")
    assert removed.count() == 1
    me.shot("recycle-bin")
    removed.get_by_role("button", name="恢复").click()
    me.page.wait_for_load_state()
    assert "已恢复" in me.message()
    me.shot("restored")
    me.go(f"/figures/meetings.held/?{last}")
    assert me.page.get_by_role("heading", level=1).inner_text() == "召开会议次数：4次"

    # 6. A 1,000-row roster through the page; the job's page shows its progress and the count.
    me.menu("组织与人员", "人员名册")
    me.page.get_by_role("link", name="导入花名册").click()
    roster = xlsx_bytes(roster_rows(ROSTER_ROWS))
    me.page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "二十一中花名册.xlsx",
                "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": roster,
            }
        ],
    )
    me.shot("import-form")
    # The real queue for this step: the upload returns at once and the page follows the job.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The in-memory test database takes a thousand rows in well under the page's one-second poll; a
    # school's disk takes seconds. A few milliseconds a row give the page the time a user has.
    monkeypatch.setattr(roster_services, "person_add", _at_disk_speed(roster_services.person_add))
    me.submit("检查并导入")
    me.page.wait_for_url(re.compile(r".*/jobs/[0-9a-f-]+/$"))
    status = me.page.locator("#job-status")
    assert "排队中" in status.inner_text(), status.inner_text()
    assert status.locator("progress").get_attribute("value") == "0"
    me.page.evaluate(RECORD_PROGRESS)
    worker = threading.Thread(target=_worker_batch, daemon=True)
    worker.start()
    me.page.wait_for_function("() => window.zhibuSeen.some(v => v > 0 && v < 100)", timeout=30_000)
    me.shot("import-job-running")
    status.locator(".job-done, .job-failed").wait_for(timeout=30_000)
    worker.join(timeout=30)
    assert not worker.is_alive()
    seen = me.page.evaluate("window.zhibuSeen")
    assert any(0 < v < 100 for v in seen), seen
    assert status.locator("progress").get_attribute("value") == "100"
    assert f"已导入{ROSTER_ROWS}人" in status.inner_text(), status.inner_text()
    me.shot("import-job-done")
    status.get_by_role("link", name="继续").click()
    me.page.wait_for_load_state()
    assert f"共 {ROSTER_ROWS + 4} 条" in me.page.locator(".pagination").inner_text()
    me.shot("roster-after-import")

    violations = [m for m in me.problems if "Content Security Policy" in m or "Refused to" in m]
    assert not violations, violations
    assert not me.problems, me.problems
    me.context.close()
