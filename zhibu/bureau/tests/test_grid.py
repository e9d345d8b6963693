"""The oversight grid: states, filters, sorting, pages, the .xlsx export, who may open it, and a
query count that does not grow with the number of branches."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from zhibu.bureau import grid
from zhibu.core.periods import Period
from zhibu.core.tests.factories import OrganisationFactory, make_org
from zhibu.meetings.tests.helpers import at, make_meeting
from zhibu.mentoring.tests.factories import make_case, make_student

Y2023 = Period.year(2023)
TODAY = date(2023, 3, 15)
MEETINGS = "meetings.cadence"
STUDENT = "欧阳紫萱"


@pytest.fixture
def ledgers(world):
    """育才 held its 支委会 in January only; 十四中 in January, February and March."""
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 1, 9))
    for month in (1, 2, 3):
        make_meeting(world.other_branch, "committee_meeting", held_at=at(2023, month, 6))
    make_case(world.people["secretary"], student=make_student(world.branch, STUDENT))
    return world


def _row(data, org):
    return next(r for r in data.rows if r.branch.pk == org.pk)


def test_cells_say_held_overdue_due_and_not_yet_due(ledgers):
    data = grid.build(ledgers.bureau_org, Y2023, TODAY)
    row = _row(data, ledgers.branch)
    state = {m: row.cells[(MEETINGS, "committee_meeting", f"2023-{m:02d}")].state for m in (1, 2, 3, 4)}
    assert state == {1: "ok", 2: "problem", 3: "due", 4: "ahead"}
    summary = row.cells[(MEETINGS, "committee_meeting", "")]
    assert (summary.done, summary.problems, summary.text) == (1, 1, "1/12")
    other = _row(data, ledgers.other_branch).cells[(MEETINGS, "committee_meeting", "")]
    assert (other.done, other.problems) == (3, 0)
    # Key figures side by side: three 支委会 held at 十四中, one at 育才.
    assert _row(data, ledgers.other_branch).figures["meetings.held"] == 3
    assert row.figures["meetings.held"] == 1
    # Open findings by severity are counted per branch (the missed 支委会 of February at least).
    assert row.findings["warning"] >= 1


def test_filters_meeting_type_search_and_only_problems(ledgers):
    data = grid.build(ledgers.bureau_org, Y2023, TODAY, meeting_type="committee_meeting")
    meeting_columns = [c for c in data.columns if c.provider == MEETINGS]
    assert [c.column.key for c in meeting_columns] == ["committee_meeting"]
    assert meeting_columns[0].expanded and len(meeting_columns[0].column.periods) == 12
    assert ("committee_meeting", "支委会") in data.meeting_types
    searched = grid.build(ledgers.bureau_org, Y2023, TODAY, text="十四中")
    assert [r.branch.code for r in searched.rows] == ["school-14"]
    quiet = OrganisationFactory(parent=ledgers.bureau_org, code="quiet", name="XX市静安小学党支部")
    everyone = grid.build(ledgers.bureau_org, Period.year(2023), date(2023, 1, 2))
    assert quiet.pk in {r.branch.pk for r in everyone.rows}
    troubled = grid.build(ledgers.bureau_org, Y2023, TODAY, only_problems=True)
    assert ledgers.branch.pk in {r.branch.pk for r in troubled.rows}


def test_sort_by_a_state_a_figure_and_the_name(ledgers):
    worst_first = grid.build(ledgers.bureau_org, Y2023, TODAY, sort=f"c:{MEETINGS}:committee_meeting")
    assert worst_first.rows[0].branch == ledgers.branch
    most_held = grid.build(ledgers.bureau_org, Y2023, TODAY, sort="-f:meetings.held")
    assert most_held.rows[0].branch == ledgers.other_branch
    by_name = grid.build(ledgers.bureau_org, Y2023, TODAY, sort="-name")
    assert [r.branch.code for r in by_name.rows] == ["yucai", "school-14"]


def test_page_export_and_no_student_name(ledgers, login):
    client = login(ledgers.bureau)
    with time_machine.travel(at(2023, 3, 15), tick=False):
        page = client.get("/bureau/?span=2023&sort=-f:meetings.held")
        export = client.get("/bureau/export/?span=2023&type=committee_meeting")
        branch = client.get(f"/bureau/branch/{ledgers.branch.code}/?span=2023")
    html = page.content.decode()
    assert page.status_code == 200 and "XX市育才学校党支部" in html
    assert html.index("第十四中学") < html.index("育才学校")  # sorted by meetings held, most first
    assert STUDENT not in html and STUDENT not in branch.content.decode()
    assert branch.status_code == 200 and "只读查看" in branch.content.decode()
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    flat = " ".join(str(v) for row in values for v in row if v is not None)
    assert "支委会 2月" in flat and "XX市育才学校党支部" in flat
    assert STUDENT not in flat
    yucai = next(row for row in values if row[0] == "XX市育才学校党支部")
    header = next(row for row in values if row[0] == "党支部")
    assert yucai[header.index("支委会 1月")] == "✓（正常）"
    assert yucai[header.index("支委会 2月")].endswith("（有问题）")


def test_pages_of_fifty(world, login):
    for n in range(55):
        OrganisationFactory(parent=world.bureau_org, code=f"p-{n:02d}")
    client = login(world.bureau)
    first = client.get("/bureau/?span=2023").content.decode()
    second = client.get("/bureau/?span=2023&page=2").content.decode()
    assert "第 1 / 2 页，共 57 条" in first and "第 2 / 2 页，共 57 条" in second


def test_a_branch_secretary_gets_403_and_another_bureaus_branch_is_404(world, login):
    assert login(world.secretary).get("/bureau/").status_code == 403
    elsewhere = make_org("city-2", "XX市另一区教育局党委", kind="committee")
    make_org("far", "XX市远方中学党支部", parent=elsewhere)
    client = login(world.bureau)
    assert client.get("/bureau/branch/far/").status_code == 404
    assert client.get("/bureau/?org=city-2").status_code == 404


def test_bad_filters_fall_back_instead_of_failing(world, login):
    client = login(world.bureau)
    response = client.get("/bureau/?span=20x&sort=nonsense&type=nothing&page=zz")
    assert response.status_code == 200


def _queries(root, **options) -> int:
    with CaptureQueriesContext(connection) as ctx:
        grid.build(root, Y2023, TODAY, **options)
    return len(ctx)


@pytest.fixture
def city(world):
    """grow(n) adds branches, each with a 支委会 held, under a committee of their own."""
    root = make_org("city", "XX市测试区教育局党委", kind="committee")
    made = []

    def grow(n: int):
        for _ in range(n):
            branch = OrganisationFactory(parent=root, code=f"t-{len(made):02d}")
            make_meeting(branch, "committee_meeting", held_at=at(2023, 1 + len(made) % 3, 9))
            made.append(branch)
        return root

    return grow


def test_the_grids_own_queries_do_not_grow_with_branches(city):
    three = _queries(city(3), with_findings=False)
    assert _queries(city(27), with_findings=False) == three <= 15


def test_the_whole_grid_with_findings_does_not_grow_with_branches(city):
    three = _queries(city(3))
    assert _queries(city(27)) == three


def test_the_grid_and_its_findings_read_the_calendar_and_the_deadlines_once(city):
    """The cadence column and the cadence rule read one calendar of the subtree; the submissions
    column and the submission rules one list of past deadlines (memo.shared within the grid)."""
    root = city(3)
    # (on the grid's own day: the rules judge what is past due by today's date)
    with time_machine.travel(at(2023, 3, 15), tick=False), CaptureQueriesContext(connection) as ctx:
        grid.build(root, Y2023, TODAY)
    sql = [q["sql"] for q in ctx.captured_queries]
    meetings_held = [s for s in sql if 'FROM "meetings_meeting_types"' in s and "recorded_late" in s]
    submissions = [s for s in sql if 'FROM "reports_submission"' in s]
    assert len(meetings_held) == 1 and len(submissions) == 1
