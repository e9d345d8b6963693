"""满意度测评 permissions, least access:

- surveys.view (secretary, committee, bureau): the surveys and their results (rates with counts,
  the free-text suggestions). Members are among those surveyed (staff), so they do not read them.
- surveys.manage (secretary, committee): set up a survey, print its code slips, close it, remove it.
- Answering needs no permission and no account: a valid, unused one-time code.
"""

from zhibu.core import policy

policy.register_permissions(
    {
        "surveys.view": ["secretary", "committee", "bureau"],
        "surveys.manage": ["secretary", "committee"],
    }
)
