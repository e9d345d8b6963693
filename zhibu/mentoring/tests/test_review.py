"""The secretary's monthly check: one page, every active case, an htmx form per row."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory
from zhibu.mentoring.models import CaseReview

from .factories import make_case, make_grant, make_log

MAY = "?org=yucai&month=2023-05"


@pytest.fixture
def may_cases(world):
    frozen = time_machine.travel(date(2023, 6, 15), tick=False)
    frozen.start()
    first = make_case(world.people["member"])
    second = make_case(world.people["committee"])
    ended = make_case(world.people["secretary"], ended_on=date(2023, 4, 30))
    make_log(first, date(2023, 5, 8))
    make_log(first, date(2023, 5, 22))
    make_log(second, date(2023, 4, 10))
    yield first, second, ended
    frozen.stop()


def test_secretary_sees_every_active_case_of_the_month(world, may_cases, client):
    first, second, ended = may_cases
    client.force_login(world.users["secretary"])
    response = client.get(reverse("mentoring:review") + MAY)
    body = response.content.decode()
    assert response.status_code == 200
    assert first.student.pseudonym in body and second.student.pseudonym in body
    assert ended.student.pseudonym not in body
    assert "2023-05-22" in body and "2023-04-10" in body  # last log dates
    assert "王小川" not in body  # pseudonyms only


def test_review_saved_via_htmx(world, may_cases, client):
    first, *_ = may_cases
    client.force_login(world.users["secretary"])
    url = reverse("mentoring:review_save", args=[first.pk])
    data = {
        f"c{first.pk}-month": "2023-05-01",
        f"c{first.pk}-reviewed": "on",
        f"c{first.pk}-remark": "记录及时",
    }
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "已保存" in response.content.decode()
    review = CaseReview.objects.get(case=first, month=date(2023, 5, 1))
    assert review.reviewer == world.users["secretary"] and review.remark == "记录及时"
    # Saving again updates the same month's row.
    data[f"c{first.pk}-remark"] = "措施具体"
    client.post(url, data, HTTP_HX_REQUEST="true")
    assert CaseReview.objects.get(case=first).remark == "措施具体"
    assert AuditEntry.objects.filter(action="mentoring.review.saved").count() == 2


def test_review_without_htmx_redirects_back(world, may_cases, client):
    first, *_ = may_cases
    client.force_login(world.users["secretary"])
    data = {f"c{first.pk}-month": "2023-05-01", f"c{first.pk}-reviewed": "on"}
    response = client.post(reverse("mentoring:review_save", args=[first.pk]), data)
    assert response.status_code == 302 and "month=2023-05" in response["Location"]


def test_review_bad_input_writes_nothing(world, may_cases, client):
    first, second, ended = may_cases
    client.force_login(world.users["secretary"])
    cases = [
        (first, {"month": "2023-07-01", "reviewed": "on"}, "尚未到来"),
        (ended, {"month": "2023-05-01", "reviewed": "on"}, "不在帮教期内"),
        (first, {"month": "2023-05-01", "remark": ""}, "写明原因"),
    ]
    for case, data, message in cases:
        prefixed = {f"c{case.pk}-{k}": v for k, v in data.items()}
        response = client.post(
            reverse("mentoring:review_save", args=[case.pk]), prefixed, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200 and message in response.content.decode()
    assert CaseReview.objects.count() == 0


def test_committee_reviews_only_delegated_cases(world, may_cases, client):
    first, second, _ended = may_cases
    make_grant(first, world.users["committee"])
    client.force_login(world.users["committee"])
    body = client.get(reverse("mentoring:review") + MAY).content.decode()
    assert first.student.pseudonym in body
    # second is the committee member's own case, but she does not review her own work.
    assert f'id="review-{second.pk}"' not in body
    data = {f"c{second.pk}-month": "2023-05-01", f"c{second.pk}-reviewed": "on"}
    assert client.post(reverse("mentoring:review_save", args=[second.pk]), data).status_code == 403
    data = {f"c{first.pk}-month": "2023-05-01", f"c{first.pk}-reviewed": "on"}
    assert client.post(reverse("mentoring:review_save", args=[first.pk]), data).status_code == 302


def test_review_page_query_count_is_constant(world, client, django_assert_max_num_queries):
    with time_machine.travel(date(2023, 6, 15), tick=False):
        client.force_login(world.users["secretary"])
        url = reverse("mentoring:review") + MAY

        def grow(n):
            for i in range(n):
                mentor = PersonFactory(
                    organisation=world.branch, name=f"王{'一二三四五六七八九十'[i % 10]}{i}"
                )
                case = make_case(mentor)
                make_log(case, date(2023, 5, 3))
                CaseReview.objects.create(
                    case=case,
                    organisation=world.branch,
                    month=date(2023, 5, 1),
                    reviewer=world.users["secretary"],
                )

        grow(2)
        client.get(url)
        with django_assert_max_num_queries(14) as small:
            client.get(url)
        grow(20)
        with django_assert_max_num_queries(len(small.captured_queries)):
            assert client.get(url).status_code == 200


def test_case_list_query_count_is_constant(world, client, django_assert_max_num_queries):
    client.force_login(world.users["secretary"])
    url = reverse("mentoring:cases") + "?status=all"

    def grow(n):
        for i in range(n):
            case = make_case(PersonFactory(organisation=world.branch, name=f"李{i}"))
            make_log(case, date(2023, 3, 1))

    grow(2)
    client.get(url)
    with django_assert_max_num_queries(14) as small:
        client.get(url)
    grow(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
