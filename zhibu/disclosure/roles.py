"""Disclosure permissions, least access:

- disclosure.view — every item of the branch, drafts included, and the objections with the
  objector's contact: the branch's secretary and committee. Members and the public read the
  published items on the public board, which needs no permission at all.
- disclosure.edit — write drafts, attach files, turn a ledger's drafts into items: secretary and
  committee.
- disclosure.publish — publish and withdraw an item, answer objections: the secretary, who answers
  for what the branch makes public.
The bureau gets none of these: it reads the figures (counts) and the public boards.
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "disclosure.view": ["secretary", "committee"],
        "disclosure.edit": ["secretary", "committee"],
        "disclosure.publish": ["secretary"],
    }
)
