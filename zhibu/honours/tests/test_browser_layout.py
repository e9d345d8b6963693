"""The honour form and the rounds list fit a phone (375 px): nothing scrolls sideways. Screenshots
land in test-artifacts/screens/honours-*.png for people to look at."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_browser_layout import (  # noqa: F401
    PHONE,
    SCREENS,
    _sideways,
    chromium,
    open_as,
    pytestmark,
    seeded,
)

from .factories import CompetitionRoundFactory


def test_honour_form_and_rounds_fit_a_phone(world, live_server, open_as):  # noqa: F811
    CompetitionRoundFactory(
        organisation=world.branch,
        title="2022—2023学年第二学期党员教师学案导学优质课评比",
        held_on=date(2023, 4, 19),
        entrants=[world.people["member"], world.people["committee"]],
    )
    page = open_as(world.secretary)
    page.set_viewport_size(PHONE)
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, url in (
        ("honours-form", "/honours/new/?org=yucai"),
        ("honours-rounds", "/honours/rounds/?org=yucai&from=2021-09-01&to=2023-07-31"),
    ):
        page.goto(live_server.url + url)
        page.screenshot(path=str(SCREENS / f"{name}-375.png"), full_page=True)
        assert _sideways(page) <= 0, name


assert pytest  # the marks above come from tests/test_browser_layout.py
