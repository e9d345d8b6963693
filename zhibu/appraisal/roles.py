"""Appraisal permissions, least access:

- appraisal.points.own — 我的积分: a member sees her own points, each line with its record, and
  her rank in the branch (not the others' points): members and officers.
- appraisal.points.view — the branch's ranking and any member's points: secretary and committee.
- appraisal.points.manage — the branch's points rules and the manual adjustments (each with its
  reason, audited): secretary and committee.
- appraisal.take_part — 民主评议: write one's own self-assessment, rate the other members of the
  branch, read one's own results year by year: members and officers.
- appraisal.view — every member's appraisal of the branch (self-assessments, rating counts,
  decisions): secretary and committee.
- appraisal.manage — open a year's appraisal and record the branch's decision: secretary and
  committee.
The bureau gets none of these: it sees the figures (counts, totals), never a name — the figures
carry records_perm="appraisal.view".
"""

from zhibu.core import policy

OFFICERS = ["secretary", "committee"]
MEMBERS = ["secretary", "committee", "member"]

policy.register_permissions(
    {
        "appraisal.points.own": MEMBERS,
        "appraisal.points.view": OFFICERS,
        "appraisal.points.manage": OFFICERS,
        "appraisal.take_part": MEMBERS,
        "appraisal.view": OFFICERS,
        "appraisal.manage": OFFICERS,
    }
)
