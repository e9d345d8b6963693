"""Voice permissions, least access:

- voice.view — consultations (the proposed decision, the question, the dates): the branch's
  officers and members, so members see what they are asked (not the school office checker, whose
  job is the note check). A member sees her own answer, never the others'.
- voice.answer — answer a consultation in the system: a member it asks (object rule: she is among
  the asked), while it is open (the service refuses before it opens and after it closes).
- voice.edit — start consultations, read all answers, record and handle suggestions, export the
  suggestions 台账: the secretary and the committee.
- voice.record — enter answers given at a meeting: the secretary.
- voice.settings — the answer time of suggestions: the secretary.
The bureau gets none of these: it sees the figures (counts), never who said what (records_perm).
"""

from zhibu.core import policy

OFFICERS = ["secretary", "committee"]

policy.register_permissions(
    {
        "voice.view": ["secretary", "committee", "member"],
        "voice.answer": ["secretary", "committee", "member"],
        "voice.edit": OFFICERS,
        "voice.record": ["secretary"],
        "voice.settings": ["secretary"],
    }
)


def is_asked(user, consultation) -> bool:
    person_id = getattr(user, "person_id", None)
    return person_id is not None and consultation.asked.filter(pk=person_id).exists()


policy.register_object_rule("voice.answer", is_asked)
