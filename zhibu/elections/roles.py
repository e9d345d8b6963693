"""Election permissions, least access:

- elections.view — the elections with their votes: the branch's officers and the bureau (which
  oversees that branches renew their committees on time).
- elections.edit — record a 换届 or 补选: the secretary, who keeps the committee's record
  (people.committee) — both write the committee's term and posts.
"""

from zhibu.core import policy
from zhibu.core.roles import OFFICERS

policy.register_permissions(
    {
        "elections.view": [*OFFICERS, "bureau"],
        "elections.edit": ["secretary"],
    }
)
