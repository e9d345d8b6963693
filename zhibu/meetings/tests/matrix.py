"""Every meetings URL × every persona. Meetings live in branch A (育才), so the other branch's
secretary gets 404 and the bureau may read but not write."""

from __future__ import annotations

from zhibu.core.testing import ALL_OK, Case, officers

ORG_A = "?org=yucai"
# The office checker reads no minutes (its job is the note check).
READ = {**ALL_OK, "checker": 403, "outsider": 404}
EDIT = officers(bureau=403)


def _meeting(world):
    from .helpers import make_meeting

    return make_meeting(world.branch, "general_meeting")


def meeting(world):
    return {"pk": _meeting(world).pk}


def meeting_row(world):
    m = _meeting(world)
    return {"pk": m.pk, "row": m.attendance.first().pk}


def attachment(world):
    from .factories import AttachmentFactory

    item = AttachmentFactory(meeting=_meeting(world), uploaded_by=world.users["secretary"], caption="")
    return {"pk": item.pk}


MATRIX = {
    "meetings:list": Case(expect=READ, query=ORG_A),
    "meetings:calendar": Case(expect=READ, query=ORG_A),
    "meetings:create": Case(expect=EDIT, query=ORG_A),
    "meetings:history": Case(expect=EDIT, query=ORG_A),
    "meetings:detail": Case(expect=READ, kwargs=meeting),
    "meetings:edit": Case(expect=EDIT, kwargs=meeting),
    "meetings:sign_sheet": Case(expect=READ, kwargs=meeting),
    "meetings:attendance": Case(expect=EDIT, kwargs=meeting),
    "meetings:attendance_fill": Case(
        expect=officers(secretary=302, committee=302, bureau=403), kwargs=meeting, method="post"
    ),
    "meetings:attendance_toggle": Case(
        expect=officers(secretary=302, committee=302, bureau=403), kwargs=meeting_row, method="post"
    ),
    "meetings:attendance_reason": Case(
        expect=officers(secretary=302, committee=302, bureau=403), kwargs=meeting_row, method="post"
    ),
    "meetings:vote_add": Case(expect=EDIT, kwargs=meeting),
    "meetings:attachment_add": Case(expect=EDIT, kwargs=meeting),
    "meetings:attachment": Case(expect=READ, kwargs=attachment),
    "meetings:type_create": Case(expect=EDIT, query=ORG_A),
    "meetings:rules": Case(
        expect={
            "secretary": 403,
            "committee": 403,
            "member": 403,
            "checker": 403,
            "bureau": 200,
            "outsider": 403,
        }
    ),
}
