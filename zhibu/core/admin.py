"""The admin site is for accounts and grants only. Ledger data is never registered here, so a
superuser cannot browse records (mentoring least of all) without a role; admin writes are audited."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from . import audit
from .models import AuditEntry, Organisation, RoleGrant, User
from .registries import audit_actions


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    fk_name = "user"
    extra = 0
    fields = ("organisation", "role", "include_subtree")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleGrantInline]
    list_display = ("username", "person", "is_active", "last_login")
    raw_id_fields = ("person",)
    fieldsets = (*BaseUserAdmin.fieldsets, ("zhibu", {"fields": ("person", "must_change_password")}))

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(User.objects.get(pk=obj.pk), exclude=("password",)) if change else None
        super().save_model(request, obj, form, change)
        audit.record(
            request.user,
            "core.user.changed" if change else "core.user.created",
            obj,
            before=before,
            after=audit.snapshot(obj, exclude=("password",)),
        )

    def delete_model(self, request, obj):
        before = audit.snapshot(obj, exclude=("password",))
        super().delete_model(request, obj)
        audit.record(request.user, "core.user.deleted", None, before=before, object_repr=str(obj))

    def delete_queryset(self, request, queryset):
        for user in queryset:
            self.delete_model(request, user)

    def save_formset(self, request, form, formset, change):
        instances = formset.save()
        for grant in instances:
            audit.record(
                request.user,
                "core.role.granted",
                grant,
                after=audit.snapshot(grant),
                organisation=grant.organisation,
            )
        for grant in formset.deleted_objects:
            audit.record(
                request.user,
                "core.role.revoked",
                None,
                organisation=grant.organisation,
                object_repr=str(grant),
            )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent")
    readonly_fields = ("code", "path", "kind", "parent")

    def save_model(self, request, obj, form, change):
        before = audit.snapshot(Organisation.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        audit.record(request.user, "core.organisation.changed", obj, before=before, after=audit.snapshot(obj))

    def has_add_permission(self, request):  # created through services (path is derived from codes)
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "object_repr", "organisation", "success")
    list_filter = ("action",)

    def get_queryset(self, request):
        # Being superuser grants no access to sensitive records, nor to their trail.
        qs = super().get_queryset(request)
        for prefix in audit_actions.sensitive_prefixes():
            qs = qs.exclude(action__startswith=prefix)
        return qs

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
