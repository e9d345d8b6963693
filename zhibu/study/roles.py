"""Study permissions and the roles that carry them."""

from zhibu.core import policy

BRANCH_ROLES = ["secretary", "committee", "member", "checker"]

policy.register_permissions(
    {
        # Lists of sessions, self-study tasks and reading: the branch's shared 台账.
        "study.view": [*BRANCH_ROLES, "bureau"],
        # Another member's study page, notes and their scans.
        "study.people": ["secretary", "committee", "checker", "bureau"],
        "study.edit": ["secretary", "committee"],
        "study.check": ["checker", "secretary"],
        # A member's own reading, notes and self-study: only her own rows (object rule below).
        "study.own": ["member", "secretary", "committee"],
        "study.settings": ["secretary"],
    }
)


def _own_row(user, obj) -> bool:
    person_id = getattr(obj, "person_id", None)
    return person_id is not None and person_id == getattr(user, "person_id", None)


policy.register_object_rule("study.own", _own_row)
