"""Bureau permissions: the grid is the superior committee's; branches read and relay notices."""

from zhibu.core import policy

policy.register_permissions(
    {
        "bureau.oversight": ["bureau"],
        "bureau.notices.issue": ["bureau"],
        "bureau.notices.view": ["secretary", "committee", "bureau"],
        "bureau.notices.relay": ["secretary", "committee"],
    }
)
