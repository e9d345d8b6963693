"""The load test's users (run by bench/load.py through `make load`): the demo's secretary, member
and bureau, each signed in once, browsing their usual pages, the secretary also recording attendance
(one click on the sheet), searching and exporting the roster. Weights follow a working afternoon:
mostly reading, some writing, an occasional export. Only loopback addresses (bench/load.py)."""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ["ZHIBU_DEMO_PASSWORD"]
MEETING = re.compile(r'href="/meetings/(\d+)/"')
TOGGLE = re.compile(r'hx-post="(/meetings/\d+/attendance/\d+/toggle/)"')
OWN_PAGES = (("/study/mine/", "my study"), ("/dues/mine/", "my dues"), ("/service/mine/", "my service"))
BRANCH_PAGES = (("/meetings/", "meetings list"), ("/pledges/", "pledges"), ("/honours/", "honours"))
WORDS = ["党课", "主题党日", "读书", "志愿服务", "包教", "承诺", "张文华"]


class Persona(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    username = ""

    def on_start(self) -> None:
        self.client.get("/accounts/login/", name="login")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
        )

    def _post(self, url: str, name: str) -> None:
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(url, headers={"X-CSRFToken": token, "HX-Request": "true"}, name=name)

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/", name="dashboard")

    @task(2)
    def search(self) -> None:
        self.client.get("/search/", params={"q": random.choice(WORDS)}, name="search")


class Secretary(Persona):
    weight = 3
    username = "secretary"

    @task(3)
    def meetings(self) -> None:
        page = self.client.get("/meetings/", name="meetings list").text
        found = MEETING.findall(page)
        if found:
            self.client.get(f"/meetings/{random.choice(found)}/", name="meeting")

    @task(2)
    def record_attendance(self) -> None:
        page = self.client.get("/meetings/", name="meetings list").text
        found = MEETING.findall(page)
        if not found:
            return
        sheet = self.client.get(f"/meetings/{random.choice(found)}/attendance/", name="attendance sheet").text
        toggles = TOGGLE.findall(sheet)
        if toggles:
            self._post(random.choice(toggles), name="attendance toggle")

    @task(2)
    def ledgers(self) -> None:
        for url, name in (("/study/", "study"), ("/people/", "roster"), ("/pledges/", "pledges")):
            self.client.get(url, name=name)

    @task(1)
    def export(self) -> None:
        self.client.get("/people/export/", params={"format": "xlsx"}, name="roster export")


class Member(Persona):
    weight = 5
    username = "member"

    @task(3)
    def own_pages(self) -> None:
        for url, name in OWN_PAGES:
            self.client.get(url, name=name)

    @task(2)
    def branch_pages(self) -> None:
        for url, name in BRANCH_PAGES:
            self.client.get(url, name=name)


class Bureau(Persona):
    weight = 1
    username = "bureau"

    @task(3)
    def oversight(self) -> None:
        self.client.get("/bureau/", name="bureau grid")

    @task(2)
    def reports(self) -> None:
        self.client.get("/reports/submissions/", name="submissions")
