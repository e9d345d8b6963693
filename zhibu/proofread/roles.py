"""文稿校对 permissions: whoever writes reports may proofread; the secretary keeps the branch's list."""

from zhibu.core import policy

policy.register_permissions(
    {
        "proofread.use": ["secretary", "committee"],
        "proofread.manage": ["secretary"],
    }
)
