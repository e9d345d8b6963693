"""Rows for talks tests (test setup, not the code under test)."""

from __future__ import annotations

from zhibu.core.tests.factories import CommitteeTermFactory, PostHoldingFactory


def committee(world) -> None:
    """The secretary and committee personas hold posts on branch A's committee since 2020-09-01."""
    term = CommitteeTermFactory(organisation=world.branch)
    PostHoldingFactory(term=term, person=world.people["secretary"], post="secretary")
    PostHoldingFactory(term=term, person=world.people["committee"], post="organisation")
