"""Campaigns in the search box, by title and note (never a ballot)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import Campaign


@search.register("awards.campaigns", model=Campaign, label=_("评先评优"), perm="awards.view", order=62)
def campaign_document(campaign: Campaign) -> search.Doc:
    return search.Doc(title=str(campaign), text=campaign.note, day=campaign.closes_on)
