"""Meetings permissions and the roles that carry them."""

from zhibu.core import policy

policy.register_permissions(
    {
        "meetings.view": ["secretary", "committee", "member", "checker", "bureau"],
        "meetings.edit": ["secretary", "committee"],
        "meetings.rules": ["bureau"],
    }
)
