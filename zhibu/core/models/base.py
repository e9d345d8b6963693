from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """Rows users edit carry a version; services refuse a save whose version is stale
    (core.versioning.update_versioned), so two officers never silently overwrite each other."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class OrganisationOwned(models.Model):
    """Every ledger row belongs to one organisation. It is what every selector scopes by (another
    branch's row is a 404), what subtree figures filter on, and the key the tables would be
    distributed by (Citus) when one PostgreSQL is outgrown — so it is on every row, even where it
    could be reached through a parent row. The foreign key carries its own index."""

    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("党组织"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True
