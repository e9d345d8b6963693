"""Every study figure on fixed data: the value and the records behind it."""

from datetime import date
from decimal import Decimal

from zhibu.core import memo
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from .helpers import book, check, done, meeting, note, session, task

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


def _value(code, org, period=SPAN, **params):
    result = figures.compute(code, org, period, **params)
    return result.value, list(result.records)


def test_sessions_counted_per_form_including_meeting_linked(world, branch):
    m = meeting(branch, "党史专题党课：井冈山精神", date(2022, 3, 17))
    linked = session(branch, "party_lecture", subject="党史", mtg=m)
    own = session(branch, "party_lecture", date(2021, 10, 14), subject="党史")
    other_subject = session(branch, "party_lecture", date(2022, 10, 1), subject="党章")
    report = session(branch, "exemplar_report", date(2021, 11, 18))
    forum = session(branch, "forum", date(2022, 1, 13))
    session(branch, "forum", date(2023, 8, 15))  # after the span
    session(world.other_branch, "forum", date(2022, 1, 13))  # another branch

    assert _value("study.sessions", branch) == (5, [own, report, forum, linked, other_subject])
    assert _value("study.sessions", branch, form="forum") == (1, [forum])
    assert _value("study.party_lectures", branch) == (3, [own, linked, other_subject])
    assert _value("study.party_history_lectures", branch) == (2, [own, linked])
    assert _value("study.exemplar_reports", branch) == (1, [report])
    assert _value("study.forums", branch) == (1, [forum])
    assert _value("study.seminars", branch)[0] == 0
    assert _value("study.tutorials", branch)[0] == 0


COUNTED = [
    ("study.sessions", {}),
    ("study.sessions", {"form": "forum"}),
    ("study.sessions", {"form": "party_lecture", "subject": ""}),
    ("study.sessions", {"subject": ""}),
    ("study.sessions", {"form": "party_lecture", "subject": "党史"}),
    ("study.party_lectures", {}),
    ("study.exemplar_reports", {}),
    ("study.forums", {}),
    ("study.seminars", {}),
    ("study.tutorials", {}),
]


def test_within_a_draft_every_form_is_counted_by_one_grouped_query_giving_the_same_numbers(
    world, branch, django_assert_max_num_queries
):
    m = meeting(branch, "党史专题党课：井冈山精神", date(2022, 3, 17))
    session(branch, "party_lecture", subject="党史", mtg=m)
    session(branch, "party_lecture", date(2021, 10, 14))
    session(branch, "party_lecture", date(2022, 10, 1), subject="党章")
    session(branch, "exemplar_report", date(2021, 11, 18))
    session(branch, "forum", date(2022, 1, 13))
    session(branch, "forum", date(2023, 8, 15))  # after the span
    session(world.other_branch, "forum", date(2022, 1, 13))  # another branch
    alone = [figures.compute(code, branch, SPAN, **params).value for code, params in COUNTED]
    assert alone == [5, 1, 1, 3, 1, 3, 1, 1, 0, 0]
    # the grouped counts once, and the one figure naming a subject counts its own records
    with memo.memoised(), django_assert_max_num_queries(2):
        together = [figures.compute(code, branch, SPAN, **params).value for code, params in COUNTED]
    assert together == alone


def test_meeting_linked_session_takes_the_meetings_date(world, branch):
    m = meeting(branch, "民主座谈会：交流", date(2023, 8, 20))
    session(branch, "forum", mtg=m)
    assert _value("study.forums", branch)[0] == 0
    assert _value("study.forums", branch, Period.year(2023))[0] == 1


def test_self_study_books_notes_checks(world, branch):
    member = world.people["member"]
    t1 = task(branch, "自学党章", date(2021, 10, 8), date(2021, 10, 31))
    task(branch, "后来的任务", date(2023, 9, 1), date(2023, 9, 30))
    b1 = book(branch, member, "平凡的世界", date(2021, 10, 10))
    book(world.other_branch, world.people["other_member"], "别的支部", date(2021, 10, 10))
    n1 = note(branch, member, date(2022, 5, 6))
    c1 = check(branch, member, date(2022, 5, 1))
    assert _value("study.self_study_tasks", branch) == (1, [t1])
    assert _value("study.books_read", branch) == (1, [b1])
    assert _value("study.notes", branch) == (1, [n1])
    assert _value("study.note_checks", branch) == (1, [c1])


def test_hours_sum_sessions_attended_and_self_study(world, branch):
    member, secretary, committee = (world.people[k] for k in ("member", "secretary", "committee"))
    session(branch, "party_lecture", date(2022, 3, 17), hours="4", present=[member, secretary])
    m = meeting(branch, "民主座谈会：交流", date(2022, 7, 7), present=[member], absent=[secretary])
    session(branch, "forum", hours="3", mtg=m)
    t = task(branch, "自学党章", date(2022, 2, 20), date(2022, 3, 20), hours="2.5")
    done(t, member, date(2022, 3, 10))
    done(t, committee, date(2023, 1, 5))  # next year

    value, people = _value("study.hours", branch, Period.year(2022))
    hours = {p.name: p.study_hours for p in people}
    assert hours == {"刘丹": Decimal("9.5"), "张文华": Decimal("4"), "于雪华": Decimal("0")}
    assert value == Decimal("13.5")
