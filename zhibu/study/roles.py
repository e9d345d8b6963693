"""Study permissions and the roles that carry them.

The school office checker (校办检查员) holds study.check and nothing else of study: the month's
sheet lists every serving member with her notes' dates and titles and whether she was checked, and
records the check. It opens neither a note's text or scan, nor a member's study page, nor the
branch's sessions, tasks or reading.
"""

from zhibu.core import policy

BRANCH_ROLES = ["secretary", "committee", "member"]

policy.register_permissions(
    {
        # Lists of sessions, self-study tasks and reading: the branch's shared 台账.
        "study.view": [*BRANCH_ROLES, "bureau"],
        # Another member's study page, notes and their scans.
        "study.people": ["secretary", "committee", "bureau"],
        "study.edit": ["secretary", "committee"],
        "study.check": ["checker", "secretary"],
        # A member's own reading, notes and self-study: only her own rows (object rule below).
        "study.own": ["member", "secretary", "committee"],
        "study.settings": ["secretary"],
        # Removing a reading record into the 回收站: as writing it — hers, or anyone's for officers.
        "study.reading.remove": ["member", "secretary", "committee"],
    }
)


def _own_row(user, obj) -> bool:
    person_id = getattr(obj, "person_id", None)
    return person_id is not None and person_id == getattr(user, "person_id", None)


policy.register_object_rule("study.own", _own_row)
policy.register_object_rule(
    "study.reading.remove", lambda user, obj: _own_row(user, obj) or policy.has_perm(user, "study.edit", obj)
)
