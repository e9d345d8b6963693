"""The check the voice services share beside core.fields': a meeting of the branch."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation


def meeting_of_branch(org: Organisation, meeting, field: str):
    if meeting is None:
        return None
    if not org.subtree().filter(pk=meeting.organisation_id).exists():
        raise ValidationError({field: _("会议“%(m)s”不是本支部的会议") % {"m": meeting.topic}})
    return meeting
