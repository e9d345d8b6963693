"""承诺台账 permissions, least access:

- pledges.view (secretary, committee, member): the branch's pledges, items, progress, 销号 history
  and duties. Pledges are made in public (亮承诺) and duties are published, so a member reads her
  branch's; the checker needs none of it, and the bureau reads the counts through the figures.
- pledges.edit (secretary, committee): make and correct any pledge of the branch (the branch's and
  members'), their items and duties; note progress on any item; remove them into the 回收站.
- pledges.own (member, and officers for themselves): make her own pledge, add and correct its
  items, note progress on them — only rows whose pledger she is (object rule below).
- pledges.verify (secretary, committee): 销号 and reopening. The service also refuses the pledger
  herself (a Chinese message, not a 403): nobody verifies her own promise.
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "pledges.view": ["secretary", "committee", "member"],
        "pledges.edit": ["secretary", "committee"],
        "pledges.own": ["secretary", "committee", "member"],
        "pledges.verify": ["secretary", "committee"],
    }
)


def _pledger_id(obj) -> int | None:
    pledge = getattr(obj, "pledge", None)
    if pledge is not None:  # an item: the member's own pledge, or a branch item she carries
        return pledge.person_id or getattr(obj, "responsible_id", None)
    item = getattr(obj, "item", None)
    if item is not None:
        return _pledger_id(item)
    return getattr(obj, "person_id", None)


def _own(user, obj) -> bool:
    person_id = _pledger_id(obj)
    return person_id is not None and person_id == getattr(user, "person_id", None)


policy.register_object_rule("pledges.own", _own)
