"""Talks permissions, least access:

- talks.view — the list of talks (date, talker, with whom, topic): that a talk happened. The
  branch's secretary and committee only; members are not shown who was talked with (a talk is
  often about a difficulty), the bureau sees counts only (the figures' records_perm).
- talks.content — the content and follow-up of a talk: its talker and the secretary (object rule;
  another committee member sees that the talk happened, not what was said).
- talks.edit — record a talk (any committee member, as talker or for one); change or remove one:
  its talker or the secretary (the same object rule, as editing shows the content).
- talks.settings — the branch's monthly quota: the secretary.
"""

from zhibu.core import policy

OFFICERS = ["secretary", "committee"]

policy.register_permissions(
    {
        "talks.view": OFFICERS,
        "talks.content": OFFICERS,
        "talks.edit": OFFICERS,
        "talks.settings": ["secretary"],
    }
)


def talker_or_secretary(user, talk) -> bool:
    if getattr(talk, "talker_id", None) is not None and talk.talker_id == getattr(user, "person_id", None):
        return True
    return "secretary" in policy.roles_on(user, policy.organisation_of(talk))


policy.register_object_rule("talks.content", talker_or_secretary)
policy.register_object_rule("talks.edit", talker_or_secretary)
