"""荣誉与评比 permissions, least access:

- honours.view (secretary, committee, member): the branch's honours and competition rounds with
  their results. Honours are public recognition and competition results are announced in the
  school, so a member sees her branch's lists; she sees nothing of another branch (the scope).
- honours.edit (secretary, committee): record and correct honours and rounds, remove them.
- The school office checker needs none of it. The bureau holds neither: it reads the counts through
  the figures registry (figures.view) and the annual summaries, never the certificates or the notes.
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "honours.view": ["secretary", "committee", "member"],
        "honours.edit": ["secretary", "committee"],
    }
)
