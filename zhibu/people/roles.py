"""Roster permissions and the roles that carry them."""

from zhibu.core import policy
from zhibu.core.roles import OFFICERS

policy.register_permissions(
    {
        "people.view": [*OFFICERS, "bureau"],
        "people.edit": OFFICERS,
        "people.import": ["secretary"],
        "people.export": [*OFFICERS, "bureau"],
        # 换届, 补选 and ending a post: the branch's own record of its election, kept by its secretary.
        "people.committee": ["secretary"],
    }
)
