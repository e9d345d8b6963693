from datetime import date

import pytest

from zhibu.core.tests.factories import CommitteeTermFactory, PostHoldingFactory


@pytest.fixture
def branch(world):
    """Branch A with 张文华 (secretary) and 于雪华 (committee) on the committee since 2020."""
    term = CommitteeTermFactory(organisation=world.branch, started_on=date(2020, 9, 1), note="")
    PostHoldingFactory(
        term=term, person=world.people["secretary"], post="secretary", started_on=date(2020, 9, 1)
    )
    PostHoldingFactory(
        term=term, person=world.people["committee"], post="organisation", started_on=date(2020, 9, 1)
    )
    return world.branch
