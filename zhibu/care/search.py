"""The care ledger in the search box. Visits only for those who read visits (care.view: the
branch's officers); their notes are not indexed — a hit's snippet would show a staff member's
illness or a family's hardship to whoever found it. Drives for everyone who sees the drives."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import CareVisit, DonationDrive

LABEL = _("服务与关爱")


@search.register(
    "care.visits",
    model=CareVisit,
    label=LABEL,
    perm="care.view",
    rows=lambda: CareVisit.objects.select_related("person"),
    order=40,
)
def visit_document(visit: CareVisit) -> search.Doc:
    return search.Doc(title=str(visit), text=visit.goods, day=visit.visited_on)


@search.register("care.drives", model=DonationDrive, label=LABEL, perm="care.donations.view", order=41)
def drive_document(drive: DonationDrive) -> search.Doc:
    text = "\n".join(part for part in (drive.purpose, drive.beneficiary) if part)
    return search.Doc(title=str(drive), text=text, day=drive.started_on)
