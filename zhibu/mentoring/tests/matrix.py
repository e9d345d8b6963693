"""Mentoring URLs × personas. The case is owned by world.people["member"] (刘丹), so the member
sees her own case; the committee member has no grant here (tests/test_access.py covers grants)."""

from zhibu.core.testing import Case

from .factories import make_case, make_grant, make_log

ORG_A = "?org=yucai"


def _expect(**overrides: int) -> dict[str, int]:
    base = {"secretary": 200, "committee": 403, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
    base.update(overrides)
    return base


def member_case(world) -> dict:
    return {"pk": make_case(world.people["member"]).pk}


def member_case_grant(world) -> dict:
    case = make_case(world.people["member"])
    return {"pk": make_grant(case, world.users["committee"]).pk}


def member_attachment(world) -> dict:
    import base64
    from datetime import date

    from zhibu.mentoring.models import LogAttachment

    log = make_log(make_case(world.people["member"]), date(2023, 3, 1))
    attachment = LogAttachment.objects.create(
        log=log,
        organisation=log.organisation,
        filename="作业.png",
        content_type="image/png",
        size=3,
        content=base64.b64encode(b"png").decode(),
    )
    return {"pk": attachment.pk}


def member_log(world) -> dict:
    """A log the mentor (the member persona) wrote today: hers to rewrite, the secretary's to correct."""
    from django.utils import timezone

    case = make_case(world.people["member"])
    return {"pk": make_log(case, timezone.localdate(), author=world.users["member"]).pk}


SECRETARY_ONLY = _expect()
MENTOR_OR_SECRETARY = _expect(member=200)

MATRIX = {
    "mentoring:cases": Case(expect=_expect(committee=200, member=200, outsider=200)),
    "mentoring:case_create": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "mentoring:case": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_case),
    "mentoring:case_plan": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_case),
    "mentoring:case_outcome": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_case),
    # POST without data: the form comes back with its messages (200), nothing written.
    "mentoring:attachment": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_attachment),
    "mentoring:log_create": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_case, method="post"),
    "mentoring:log": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_log),
    "mentoring:log_edit": Case(expect=MENTOR_OR_SECRETARY, kwargs=member_log),
    "mentoring:grant_create": Case(expect=SECRETARY_ONLY, kwargs=member_case),
    "mentoring:seminar_link": Case(expect=SECRETARY_ONLY, kwargs=member_case, method="post"),
    "mentoring:review_save": Case(expect=SECRETARY_ONLY, kwargs=member_case, method="post"),
    "mentoring:grant_revoke": Case(expect=_expect(secretary=302), kwargs=member_case_grant, method="post"),
    "mentoring:review": Case(expect=_expect(committee=200), query=ORG_A),
    "mentoring:students": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "mentoring:student_create": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "mentoring:student_edit": Case(
        expect=SECRETARY_ONLY, kwargs=lambda world: {"pk": make_case(world.people["member"]).student_id}
    ),
    "mentoring:settings": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "mentoring:booklet": Case(expect=SECRETARY_ONLY, query=ORG_A),
}
