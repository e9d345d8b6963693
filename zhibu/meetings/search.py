from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Meeting


@search.register("meetings", model=Meeting, label=_("组织生活"), perm="meetings.view", order=20)
def meeting_document(meeting: Meeting) -> search.Doc:
    text = "\n".join(part for part in (meeting.place, meeting.minutes, meeting.decisions) if part)
    return search.Doc(title=str(meeting), text=text, day=timezone.localtime(meeting.held_at).date())
