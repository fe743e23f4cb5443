"""Account management for superusers. Case data (families, teams, meetings) is deliberately
not registered here: seeing a family needs membership on its team, whoever you are."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, County, Organization, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "organization", "language", "is_active", "is_org_admin"]
    list_filter = [
        "is_active",
        "is_org_admin",
        "can_use_emergency_access",
        "language",
        "organization__kind",
    ]
    search_fields = ["full_name", "email"]
    autocomplete_fields = ["organization"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "language"]}),
        (
            _("Work"),
            {"fields": ["organization", "job_title", "is_org_admin", "can_use_emergency_access"]},
        ),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "organization", "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["last_login", "date_joined"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind", "counties"]
    search_fields = ["name"]
    filter_horizontal = ["counties"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "fips"]
    search_fields = ["name", "fips"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Superusers can see and revoke tokens, never read them (only hashes are stored)."""

    list_display = ["user", "label", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "label", "prefix", "key_hash", "created_at", "last_used_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            token.revoke()
