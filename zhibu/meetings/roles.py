"""Meetings permissions and the roles that carry them.

- meetings.view — the branch's meetings with attendance and minutes: its officers, its members (who
  attend them) and the bureau (which oversees 三会一课). The school office checker does not read
  minutes: its job is the monthly note check (study.check).
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "meetings.view": ["secretary", "committee", "member", "bureau"],
        "meetings.edit": ["secretary", "committee"],
        "meetings.rules": ["bureau"],
    }
)
