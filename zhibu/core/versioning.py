from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    """Raised when the row changed since the form was opened."""


def update_versioned(obj: models.Model, version: int | None, **fields) -> models.Model:
    """Write `fields` only if the row still has `version`; bump it. The compare-and-set is one
    UPDATE, so two officers saving at once cannot both win."""
    if version is None:
        raise StaleEdit(_("缺少版本号，请刷新页面后再试。"))
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    model = type(obj)
    db_fields = {f.name: getattr(obj, f.attname) for f in model._meta.concrete_fields if f.name in fields}
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        db_fields["updated_at"] = timezone.now()
    changed = model._default_manager.filter(pk=obj.pk, version=version).update(
        version=F("version") + 1, **db_fields
    )
    if not changed:
        raise StaleEdit(_("该记录已被他人修改，请刷新后再试。您的修改未保存。"))
    obj.refresh_from_db()
    return obj
