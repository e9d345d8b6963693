"""Core permissions and the roles that carry them. Each ledger registers its own the same way."""

from . import policy

ALL = ["secretary", "committee", "member", "checker", "bureau"]
OFFICERS = ["secretary", "committee"]

policy.register_permissions(
    {
        "core.dashboard": ALL,
        "audit.view": ["secretary", "bureau"],
        "figures.view": [*OFFICERS, "bureau"],
        # Logins and role grants of an organisation's people; organisations under a committee.
        "core.accounts.manage": ["secretary", "bureau"],
        "core.organisations.manage": ["bureau"],
        # The 回收站: a branch's secretary sees what was removed and puts it back.
        "core.recycle": ["secretary"],
        # The branch's own settings (the day its history ends), once; later changes are the superior's.
        "core.settings": ["secretary"],
        # A backup holds every organisation's data: the bureau, on the top organisation (core/backups.py).
        "core.backup": ["bureau"],
    }
)
