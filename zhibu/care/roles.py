"""Care permissions, least access:

- care.view — visits (who was ill, what was given, the notes), calls and every gift: the branch's
  secretary and committee only. Visits concern staff's health and families' hardship.
- care.edit — write visits, drives and gifts: secretary and committee.
- care.calls — the monthly 问寒问暖 checklist: the school office (checker) fills it, the officers
  too; nobody else sees what retirees raised.
- care.donations.view — drives with their totals (the branch publishes what was raised): members
  too, but never the gift rows (who gave how much), which stay under care.view.
The bureau gets none of these: it sees the care figures (counts and sums), never the records —
the figures carry records_perm="care.view".
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "care.view": ["secretary", "committee"],
        "care.edit": ["secretary", "committee"],
        "care.calls": ["secretary", "committee", "checker"],
        "care.donations.view": ["secretary", "committee", "member"],
    }
)
