"""The demo school's committee: its 2020 election, the 2022 by-election presided by the deputy
while the secretary was ill, the term-due finding on the summary's last day, and the transfer out
after the summary's period (its 14 serving members stand)."""

from datetime import date

import pytest

from zhibu.core.models import Organisation, Post
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings, sections
from zhibu.core.registries.sections import SectionContext
from zhibu.elections.demo_data import load as load_elections
from zhibu.elections.models import Election, Kind
from zhibu.people import selectors as people_selectors
from zhibu.people.demo_data import load as load_core
from zhibu.people.demo_data import load_transfers

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_elections()
    load_transfers()
    return Organisation.objects.get(code="yucai")


def test_the_by_election_story(school):
    by = Election.objects.get(kind=Kind.BY_ELECTION)
    assert by.presided_by.name == "孙宁" and "因病" in by.reason
    assert sorted(r.person.name for r in by.results.all()) == ["周敏", "陈晓明"]
    deputy = {
        h.person.name
        for h in people_selectors.committee_on(school, by.held_on)
        if h.post == Post.DEPUTY_SECRETARY
    }
    assert deputy == {"孙宁"}
    assert figures.compute("elections.by_elections", school, SPAN).value == 1
    assert figures.compute("elections.elected", school, SPAN, kind="by_election").value == 2


def test_the_term_is_due_at_the_summarys_end(school):
    found = [f.message for f in findings.run(school, SPAN, codes=["elections.term_due"])]
    assert found == ["XX市育才学校党支部支委会将于2023年8月31日届满，请按期换届"]


def test_the_transfer_out_leaves_the_summarys_members_and_counts_after(school):
    assert figures.compute("people.serving_members", school, SPAN).value == 14
    autumn = Period.span(date(2023, 8, 1), date(2023, 12, 31))
    assert figures.compute("people.transfers_out", school, autumn).value == 1
    assert figures.compute("people.serving_members", school, autumn).value == 13


def test_the_committee_paragraph_cites_the_by_election(school):
    spec = next(s for s in sections.all() if s.code == "elections.committee")
    paras = spec.func(school, SPAN, SectionContext("annual", school, SPAN))
    assert "{fig:elections.by_elections}" in paras[0].text
    assert "{fig:elections.elected|kind=by_election}" in paras[0].text
