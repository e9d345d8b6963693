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
        # 组织关系转接 and 党籍 marks (停止党籍, 流动党员, 失联党员): the officers who keep the roster (the
        # 组织委员 writes the letters); everyone who reads the roster reads them (people.view).
        "people.transfers": OFFICERS,
    }
)
