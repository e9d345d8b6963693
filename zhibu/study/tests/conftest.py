from datetime import date

import pytest

from zhibu.core.tests.factories import CommitteeTermFactory, PostHoldingFactory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded scans go to a throwaway directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def branch(world):
    """Branch A with 张文华 as secretary since 2020 (the officers' 56-hour target)."""
    term = CommitteeTermFactory(organisation=world.branch, started_on=date(2020, 9, 1), note="")
    PostHoldingFactory(term=term, person=world.people["secretary"], post="secretary")
    PostHoldingFactory(term=term, person=world.people["committee"], post="organisation")
    return world.branch
