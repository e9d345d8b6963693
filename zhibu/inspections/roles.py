"""检查评比 permissions. The bureau runs plans and enters scores; a branch's officers see their own
branch's published result and nothing of another branch's (the scope does that: a Score belongs to
the branch scored).

`inspections.score` is apart from `inspections.manage` so that scoring can later be given to an
inspector role of its own without letting it edit or publish plans; today the bureau carries both."""

from zhibu.core import policy

policy.register_permissions(
    {
        "inspections.view": ["bureau"],
        "inspections.manage": ["bureau"],
        "inspections.score": ["bureau"],
        "inspections.own": ["secretary", "committee"],
    }
)
