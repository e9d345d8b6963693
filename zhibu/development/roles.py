"""Development (发展党员) permissions, least access:

- development.view — the pipeline, a person's timeline (dates, evidence, contacts, introducers) and
  the rules in force: the branch's officers, and the superior committee (上级党委), which pre-examines
  and approves every admission. Members do not see who is being developed or the evidence.
- development.edit — record a step: the secretary and committee members.
- development.settings — the branch's own settings (after how many years without a new member a
  finding is raised): the secretary.
- development.rules — enter a revised 细则 as a new version of the rules: the superior committee.
"""

from zhibu.core import policy
from zhibu.core.roles import OFFICERS

policy.register_permissions(
    {
        "development.view": [*OFFICERS, "bureau"],
        "development.edit": OFFICERS,
        "development.settings": ["secretary"],
        "development.rules": ["bureau"],
    }
)
