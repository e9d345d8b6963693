"""Every bureau URL × every persona. The grid and the branch page are the 局党委's: a branch's
roles get 403 (in scope, no permission), except where the branch named is another's (404).
Notices: the bureau issues, branch A's officers read and relay."""

from __future__ import annotations

from zhibu.core.testing import Case

BUREAU_ONLY = {
    "secretary": 403,
    "committee": 403,
    "member": 403,
    "checker": 403,
    "bureau": 200,
    "outsider": 403,
}


def _notice(world):
    from .factories import NoticeFactory

    return NoticeFactory(organisation=world.bureau_org, issued_by=world.users["bureau"])


def notice(world):
    return {"pk": _notice(world).pk}


MATRIX = {
    "bureau:grid": Case(expect=BUREAU_ONLY),
    "bureau:grid_export": Case(expect=BUREAU_ONLY),
    # Branch A seen from above: the other branch's secretary does not see branch A at all.
    "bureau:branch": Case(expect={**BUREAU_ONLY, "outsider": 404}, kwargs={"code": "yucai"}),
    "bureau:notices": Case(
        expect={
            "secretary": 200,
            "committee": 200,
            "member": 403,
            "checker": 403,
            "bureau": 200,
            "outsider": 200,
        }
    ),
    "bureau:notice_create": Case(expect=BUREAU_ONLY),
    # Branch A's page of a notice sent to every branch; the outsider asks for branch A: 404.
    "bureau:notice": Case(
        expect={
            "secretary": 200,
            "committee": 200,
            "member": 403,
            "checker": 403,
            "bureau": 200,
            "outsider": 404,
        },
        kwargs=notice,
        query="?org=yucai",
    ),
}
