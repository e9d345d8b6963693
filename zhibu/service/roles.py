"""Service permissions, least access:

- `service.view`: the branch's whole 服务 ledger (every event, session, pair, liaison, partner class)
  — the secretary and the committee, who keep it. Assistance pairs name hardship households, so
  nobody else reads the lists.
- `service.edit`: the secretary and the committee write anyone's rows.
- `service.own`: a member logs and reads her own tutoring and sees the events she took part in
  (object rule: the row is hers); officers hold it too so the quick-add works for them.
- The bureau holds none of these: it sees the figures (`figures.view`), and the assistance figures
  keep their records to `service.view` holders, so no household or personal note leaves the branch.
"""

from zhibu.core import policy

OFFICERS = ["secretary", "committee"]

policy.register_permissions(
    {
        "service.view": OFFICERS,
        "service.edit": OFFICERS,
        "service.own": ["member", *OFFICERS],
        # Removing a tutoring session into the 回收站: as writing it — hers, or anyone's for officers.
        "service.tutoring.remove": ["member", *OFFICERS],
    }
)


def _own_row(user, obj) -> bool:
    person_id = getattr(obj, "tutor_id", None) or getattr(obj, "person_id", None)
    return person_id is not None and person_id == getattr(user, "person_id", None)


policy.register_object_rule("service.own", _own_row)
policy.register_object_rule(
    "service.tutoring.remove",
    lambda user, obj: policy.has_perm(user, "service.edit", obj) or _own_row(user, obj),
)
