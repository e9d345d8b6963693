"""The care forms fit a phone (375 px): the visit form and the 问寒问暖 checklist, whose table turns
into one card per retiree. Screenshots go to the browser test's artifacts directory."""

from datetime import date

import pytest

from tests.test_browser_layout import PHONE, SCREENS, chromium, open_as, pytestmark, seeded  # noqa: F401
from zhibu.core.tests.factories import PersonFactory

pytestmark = pytestmark  # noqa: PLW0127 - the browser marks and the chromium skip


@pytest.mark.parametrize(
    ("name", "path"),
    [("care-visit-form", "/care/visits/new/"), ("care-checklist", "/care/calls/?month=2023-08")],
)
def test_care_forms_fit_a_phone(world, live_server, open_as, name, path):  # noqa: F811
    for n in ("万福业", "卢振东"):
        PersonFactory(organisation=world.branch, name=n, is_retired=True, birth_date=date(1950, 1, 1))
    page = open_as(world.secretary)
    page.set_viewport_size(PHONE)
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}-375.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert not [m for m in page.problems if "Content Security Policy" in m or "Refused to" in m]
