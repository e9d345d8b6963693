"""组织关系转接 and 党籍 marks: a transfer out keeps the member in past periods, a transfer in counts
from the arrival, 停止党籍 leaves the member count; bad input writes nothing; the pages and export."""

from __future__ import annotations

import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from zhibu.core.crypto import blind_index
from zhibu.core.models import AuditEntry, Person
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory, id_number_for
from zhibu.people import selectors
from zhibu.people.models import Direction, MarkKind, StatusMark, Transfer
from zhibu.people.services import transfers as services
from zhibu.people.tests.factories import StatusMarkFactory, TransferFactory

H1 = Period.span(date(2023, 1, 1), date(2023, 6, 30))
H2 = Period.span(date(2023, 7, 1), date(2023, 12, 31))
Q1 = Period.span(date(2023, 1, 1), date(2023, 3, 31))


def value(code, org, period):
    return figures.compute(code, org, period).value


def rows() -> tuple[int, int, int, int]:
    return (
        Transfer.objects.count(),
        StatusMark.objects.count(),
        Person.objects.count(),
        AuditEntry.objects.count(),
    )


def out(world, person=None, **more):
    data = {
        "actor": world.secretary,
        "person": person or world.people["member"],
        "transferred_on": date(2023, 6, 20),
        "letter_number": "育才组转〔2023〕1号",
        "other_name": "XX市第二十中学党支部",
    }
    return services.transfer_out(**{**data, **more})


def arrival(world, **more):
    data = {
        "actor": world.secretary,
        "organisation": world.branch,
        "transferred_on": date(2023, 3, 15),
        "letter_number": "实验组转〔2023〕7号",
        "other_name": "XX市实验小学党支部",
        "person": {"name": "钱晓岚", "gender": "F", "birth_date": date(1990, 5, 1)},
        "party_status": "full",
        "member_since": date(2015, 7, 1),
    }
    return services.transfer_in(**{**data, **more})


# --- the figures over time --------------------------------------------------------------------


def test_a_member_who_left_in_june_counts_in_the_first_half_year(world):
    before = value("people.members", world.branch, Q1)
    transfer = out(world)
    member = world.people["member"]
    member.refresh_from_db()
    assert member.left_on == date(2023, 6, 20) and transfer.direction == Direction.OUT
    # Still a member in every period that ended before she left: past figures do not change.
    assert value("people.members", world.branch, Q1) == before
    assert value("people.members_at_start", world.branch, H1) == before
    assert value("people.transfers_out", world.branch, H1) == 1
    assert value("people.members", world.branch, H1) == before - 1
    assert value("people.transfers_out", world.branch, H2) == 0
    assert member in selectors.members_on(world.branch, date(2023, 6, 20))
    assert member not in selectors.members_on(world.branch, date(2023, 6, 21))


def test_a_member_transferred_in_counts_from_her_arrival_only(world):
    transfer = arrival(world)
    newcomer = transfer.person
    assert newcomer.party_status == "full" and newcomer.organisation == world.branch
    assert newcomer not in selectors.members_on(world.branch, date(2023, 3, 14))
    assert newcomer in selectors.members_on(world.branch, date(2023, 3, 15))
    assert value("people.transfers_in", world.branch, Q1) == 1
    # The many-days readers agree with members_on, in a bounded number of queries.
    days = [date(2023, 3, 14), date(2023, 3, 15)]
    by_day = selectors.members_on_days(selectors.people_of(world.branch), days)
    assert newcomer not in by_day[days[0]] and newcomer in by_day[days[1]]
    each = selectors.member_ids_on_each(world.bureau_org, [(world.branch, d) for d in days])
    assert newcomer.pk not in each[(world.branch.pk, days[0])]
    assert newcomer.pk in each[(world.branch.pk, days[1])]


def test_stopped_membership_leaves_the_count_while_it_runs_mobile_and_lost_stay(world):
    member, other = world.people["member"], world.people["committee"]
    start = value("people.members", world.branch, Q1)
    services.mark_add(
        actor=world.secretary,
        person=member,
        kind=MarkKind.SUSPENDED,
        started_on=date(2023, 2, 1),
        ended_on=date(2023, 5, 31),
        reason="失联超过六个月，经支部大会讨论停止党籍",
    )
    services.mark_add(
        actor=world.secretary,
        person=other,
        kind=MarkKind.MOBILE,
        started_on=date(2023, 1, 10),
        reason="外出支教",
    )
    assert value("people.members", world.branch, Q1) == start - 1
    assert value("people.marked_suspended", world.branch, Q1) == 1
    assert value("people.marked_mobile", world.branch, Q1) == 1
    assert value("people.members", world.branch, H1) == start  # 恢复党籍 on 31 May
    by_day = selectors.members_on_days(
        selectors.people_of(world.branch), [date(2023, 3, 1), date(2023, 6, 1)]
    )
    assert member not in by_day[date(2023, 3, 1)] and member in by_day[date(2023, 6, 1)]


def test_the_history_readers_cost_three_queries_whatever_the_people(world, django_assert_num_queries):
    for n in range(5):
        TransferFactory(
            organisation=world.branch, direction=Direction.IN, transferred_on=date(2023, 1, n + 1)
        )
        StatusMarkFactory(organisation=world.branch, kind=MarkKind.SUSPENDED)
    # the people, their organisations (one instance each), their history
    with django_assert_num_queries(3):
        found = selectors.members_on_days(
            selectors.people_of(world.branch), [date(2023, 1, 1), date(2023, 6, 1)]
        )
    with django_assert_num_queries(0):
        held = {id(p.organisation) for people in found.values() for p in people}
        assert {p.organisation.pk for people in found.values() for p in people} == {world.branch.pk}
    assert len(held) == 1


def test_the_readers_of_many_days_agree_with_members_on_after_a_departure_arrival_and_suspension(
    world, django_assert_num_queries
):
    """members_on_days and member_ids_on_each give, for every day, exactly the
    people members_on gives (the rules' readings of a bureau must not drift from the roster's)."""
    out(world)  # the member leaves on 20 June
    newcomer = arrival(world).person  # arrives on 15 March
    services.mark_add(
        actor=world.secretary,
        person=world.people["committee"],
        kind=MarkKind.SUSPENDED,
        started_on=date(2023, 2, 1),
        ended_on=date(2023, 5, 31),
        reason="失联超过六个月，经支部大会讨论停止党籍",
    )
    days = [date(2023, 1, 15), date(2023, 3, 14), date(2023, 3, 15), date(2023, 6, 20), date(2023, 6, 21)]
    wanted = [(world.branch, d) for d in days]
    by_day = selectors.members_on_days(selectors.people_of(world.branch), days)
    with django_assert_num_queries(2):
        ids = selectors.member_ids_on_each(world.bureau_org, wanted)
    for day in days:
        expected = sorted(selectors.members_on(world.branch, day).values_list("pk", flat=True))
        assert sorted(p.pk for p in by_day[day]) == expected, day
        assert ids[(world.branch.pk, day)] == expected, day
    assert newcomer.pk not in ids[(world.branch.pk, date(2023, 3, 14))]
    assert newcomer.pk in ids[(world.branch.pk, date(2023, 3, 15))]
    assert world.people["committee"].pk not in ids[(world.branch.pk, date(2023, 3, 15))]
    assert world.people["member"].pk in ids[(world.branch.pk, date(2023, 6, 20))]
    assert world.people["member"].pk not in ids[(world.branch.pk, date(2023, 6, 21))]


# --- bad input: a clear message, nothing written ------------------------------------------------


def test_a_letter_number_used_twice_is_refused(world):
    out(world)
    before = rows()
    with pytest.raises(ValidationError) as caught:
        out(world, person=world.people["committee"])
    assert "育才组转〔2023〕1号" in str(caught.value) and "不能登记两次" in str(caught.value)
    assert rows() == before


def test_a_transfer_dated_in_the_future_or_of_a_non_member_is_refused(world):
    staff = PersonFactory(organisation=world.branch, party_status="none")
    before = rows()
    with pytest.raises(ValidationError, match="不能晚于今天"):
        out(world, transferred_on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="只有党员才能办理组织关系转出"):
        out(world, person=staff)
    with pytest.raises(ValidationError, match="入党或|转正日期"):
        arrival(world, member_since=date(2023, 4, 1))
    with pytest.raises(ValidationError, match="转出的党组织"):
        arrival(world, other_name="")
    assert rows() == before


def test_a_mark_ending_before_it_starts_is_refused(world):
    before = rows()
    with pytest.raises(ValidationError) as caught:
        services.mark_add(
            actor=world.secretary,
            person=world.people["member"],
            kind=MarkKind.LOST,
            started_on=date(2023, 5, 1),
            ended_on=date(2023, 4, 30),
            reason="联系不上",
        )
    assert "结束日期（2023年4月30日）不能早于开始日期（2023年5月1日）" in str(caught.value)
    mark = StatusMarkFactory(
        organisation=world.branch, person=world.people["member"], started_on=date(2023, 5, 1)
    )
    before = rows()
    with pytest.raises(ValidationError, match="不能早于开始日期"):
        services.mark_end(actor=world.secretary, mark=mark, ended_on=date(2023, 4, 1), version=mark.version)
    with pytest.raises(ValidationError, match="时间重叠"):
        services.mark_add(
            actor=world.secretary,
            person=world.people["member"],
            kind=MarkKind.MOBILE,
            started_on=date(2023, 6, 1),
            reason="外出",
        )
    assert rows() == before


def test_a_member_may_not_transfer_anyone(world):
    with pytest.raises(Exception) as caught:
        out(world, actor=world.member)
    assert caught.type.__name__ == "PermissionDenied"


# --- the pages -----------------------------------------------------------------------------------


def test_transfer_out_page_sets_the_left_date_and_lists_it(world, login):
    client = login(world.secretary)
    member = world.people["member"]
    response = client.post(
        reverse("people:transfer_out", args=[member.pk]),
        {
            "transferred_on": "2023-06-20",
            "other_organisation": world.other_branch.pk,
            "letter_number": "育才组转1号",
        },
    )
    transfer = Transfer.objects.get()
    assert response.status_code == 302 and transfer.other_name == world.other_branch.name
    html = client.get(reverse("people:transfers") + "?org=yucai").content.decode()
    assert member.name in html and "育才组转1号" in html
    assert "组织关系转出" not in client.get(reverse("people:person", args=[member.pk])).content.decode()


def test_bad_transfer_in_form_writes_nothing(world, login):
    before = rows()
    response = login(world.secretary).post(
        reverse("people:transfer_in") + "?org=yucai",
        {
            "name": "钱晓岚",
            "gender": "F",
            "party_status": "full",
            "transferred_on": "2023-03-15",
            "member_since": "2015-07-01",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "请填写转出的党组织" in html
    assert rows() == before


def test_other_branch_transfer_is_404(world, login):
    transfer = TransferFactory(organisation=world.other_branch)
    assert login(world.secretary).get(reverse("people:transfer", args=[transfer.pk])).status_code == 404


def test_mark_pages_end_a_mark(world, login):
    mark = StatusMarkFactory(organisation=world.branch, person=world.people["member"])
    client = login(world.secretary)
    assert "外出支教" in client.get(reverse("people:marks") + "?org=yucai").content.decode()
    response = client.post(
        reverse("people:mark_end", args=[mark.pk]), {"ended_on": "2023-02-01", "version": 1}
    )
    assert response.status_code == 200 and "不能早于开始日期" in response.content.decode()
    response = client.post(
        reverse("people:mark_end", args=[mark.pk]), {"ended_on": "2023-05-01", "version": 1}
    )
    mark.refresh_from_db()
    assert response.status_code == 302 and mark.ended_on == date(2023, 5, 1)


def test_transfers_export_reads_back(world, login):
    out(world)
    response = login(world.secretary).get(reverse("people:transfers_export") + "?org=yucai&format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    flat = [str(v) for row in values for v in row if v is not None]
    assert "介绍信编号" in flat and "育才组转〔2023〕1号" in flat and "转出" in flat


def test_the_membership_paragraph_reports_transfers_and_marks_as_figures(world):
    from zhibu.core.registries import sections
    from zhibu.core.registries.sections import SectionContext

    spec = next(s for s in sections.all() if s.code == "people.team")
    quiet = spec.func(world.branch, H1, SectionContext("annual", world.branch, H1))
    assert not any("组织关系" in p.text for p in quiet)
    out(world)
    StatusMarkFactory(organisation=world.branch, person=world.people["committee"], kind=MarkKind.LOST)
    text = " ".join(p.text for p in spec.func(world.branch, H1, SectionContext("annual", world.branch, H1)))
    assert "组织关系转出{fig:people.transfers_out}" in text and "失联党员{fig:people.marked_lost}" in text
    assert "{fig:people.transfers_in}" not in text


def test_a_member_who_left_another_branch_of_the_city_is_received_under_her_id_number(world):
    """A move between two branches in the system: her old branch keeps her (left_on) for its past
    periods, and the receiving branch records her with the same ID number. A number still held by
    someone who has not left is refused, and nothing is written."""
    number = id_number_for(7, date(1990, 5, 1))
    PersonFactory(
        organisation=world.other_branch,
        name="钱晓岚",
        id_number=number,
        id_number_digest=blind_index(number, "person.id_number"),
        left_on=date(2023, 3, 10),
    )
    arrived = arrival(
        world, person={"name": "钱晓岚", "gender": "F", "birth_date": date(1990, 5, 1), "id_number": number}
    )
    assert arrived.person.organisation == world.branch

    held = id_number_for(8, date(1991, 2, 3))
    PersonFactory(
        organisation=world.other_branch,
        id_number=held,
        id_number_digest=blind_index(held, "person.id_number"),
    )
    before = rows()
    with pytest.raises(ValidationError, match="该身份证号已登记在"):
        arrival(
            world,
            letter_number="实验组转〔2023〕8号",
            person={
                "name": "孙可",
                "gender": "F",
                "birth_date": date(1991, 2, 3),
                "id_number": id_number_for(8, date(1991, 2, 3)),
            },
        )
    assert rows() == before
