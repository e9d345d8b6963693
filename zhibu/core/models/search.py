from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import OrganisationOwned


class SearchEntry(OrganisationOwned):
    """One searchable record as the search box sees it (core.search_index keeps these in step with
    the ledgers). `title_tokens`/`body_tokens` hold the segmented text, space-separated, that the
    full-text index reads: an FTS5 table on SQLite, a generated tsvector column on PostgreSQL (both
    made by migration 0012, outside the model). `title`, `text` and `url` are what a result shows,
    so a page of results reads these rows only, never the ledgers."""

    kind = models.CharField(_("类别"), max_length=40)
    object_id = models.PositiveBigIntegerField()
    # Rows only their owner (and those holding the provider's perm) may find: a member's study notes.
    owner_person_id = models.PositiveBigIntegerField(null=True, blank=True)
    title = models.CharField(_("标题"), max_length=300)
    text = models.TextField(_("内容"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    day = models.DateField(null=True, blank=True)
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)

    class Meta:
        verbose_name = _("搜索索引")
        verbose_name_plural = _("搜索索引")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="searchentry_once")]
        indexes = [models.Index(fields=["kind", "organisation"])]

    def __str__(self) -> str:
        return self.title
