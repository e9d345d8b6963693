"""Reports permissions and the roles that carry them."""

from zhibu.core import policy

policy.register_permissions(
    {
        "reports.view": ["secretary", "committee", "bureau"],
        "reports.edit": ["secretary", "committee"],
        "reports.submit": ["secretary"],
        "reports.receive": ["bureau"],
        "reports.deadlines": ["bureau"],
    }
)
