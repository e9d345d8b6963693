"""Mentoring permissions, the roles that carry them, and the object rules that narrow them to the
case's mentor, the secretary and explicit grants (see access.py for the rule itself)."""

from zhibu.core import policy

from . import access, log_edits
from .access import EDIT, LOG_EDIT, LOG_REMOVE, MANAGE, REVIEW, VIEW

policy.register_permissions(
    {
        VIEW: ["secretary", "committee", "member"],
        EDIT: ["secretary", "committee", "member"],
        LOG_EDIT: ["secretary", "committee", "member"],
        LOG_REMOVE: ["secretary", "committee", "member"],
        REVIEW: ["secretary", "committee"],
        MANAGE: ["secretary"],
    }
)
policy.register_object_rule(VIEW, access.can_view)
policy.register_object_rule(EDIT, access.can_edit)
policy.register_object_rule(REVIEW, access.can_review)
policy.register_object_rule(LOG_EDIT, access.can_edit_log)
policy.register_object_rule(LOG_REMOVE, log_edits.can_remove_log)
