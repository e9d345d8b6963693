"""Notices become obligations in the branch's calendar and in its documents' "今后的打算"."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Obligation

from . import selectors

sections.remedy("bureau.notice_overdue", _l("及时传达学习上级党委文件精神，按期落实上级通知要求。"))


@sections.obligations("bureau.notices")
def notices_due(org: Organisation, period: Period) -> list[Obligation]:
    """A branch's notices not yet recorded, due within the period (or already overdue in it)."""
    if org.kind != selectors.BRANCH:
        return []
    found = selectors.open_notices(
        [org], org, due_before=period.end + timedelta(days=1), due_from=period.start
    )
    today = timezone.localdate()
    result = []
    for _branch, notice in found:
        late = _("（已逾期）") if notice.due_on < today else ""
        text = _("%(kind)s：%(title)s（%(issuer)s通知，%(due)s前）%(late)s") % {
            "kind": notice.get_kind_display(),
            "title": notice.title,
            "issuer": notice.organisation.short_name or notice.organisation.name,
            "due": cn_date(notice.due_on),
            "late": late,
        }
        result.append(Obligation(notice.due_on, text))
    return result
