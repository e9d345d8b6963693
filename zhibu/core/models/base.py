from django.db import models


class VersionedModel(models.Model):
    """Rows users edit carry a version; services refuse a save whose version is stale
    (core.versioning.update_versioned), so two officers never silently overwrite each other."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
