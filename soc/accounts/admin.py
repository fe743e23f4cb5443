"""Account management for superusers. Case data (families, teams, meetings) is deliberately
not registered here: seeing a family needs membership on its team, whoever you are."""

from axes.utils import reset as axes_reset
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from soc.audit.log import record

from .models import ApiToken, County, Organization, User


def is_family_account(user):
    """A caregiver's or youth's own account: no organization, no admin rights."""
    return user.organization_id is None and not user.is_staff and not user.is_superuser


def masked_email(email):
    """'maria.rivera@example.org' -> 'm•••@example.org': enough to tell accounts apart."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else "•••"


class _Listed:
    """A row as the list names it (pk and label only)."""

    def __init__(self, user, label):
        self.pk = user.pk
        self._label = label

    def __str__(self):
        return self._label


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Family accounts appear only as far as an administrator needs to find one (by its exact
    e-mail, which the family gives them) and unlock it: no names or phones in lists, and their
    page holds the e-mail, the language and whether the account works."""

    ordering = ["organization__name", "email"]
    list_display = ["account", "organization", "language", "is_active", "is_org_admin"]
    list_filter = [
        "is_active",
        "is_org_admin",
        "can_use_emergency_access",
        "language",
        "organization__kind",
    ]
    search_fields = ["full_name", "=email"]
    search_help_text = _("Staff by name or e-mail; family accounts by their exact e-mail.")
    autocomplete_fields = ["organization"]
    actions = ["unlock_sign_in"]
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
    family_fieldsets = [
        (None, {"fields": ["email", "password", "language", "is_active"]}),
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

    def get_search_results(self, request, queryset, search_term):
        """Names find staff only; a family account is found by its exact e-mail."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            exact = Q(email__iexact=search_term.strip())
            results = results.filter(Q(organization__isnull=False) | Q(is_staff=True) | exact)
        return results, may_have_duplicates

    def action_checkbox(self, obj):
        # The checkbox's label names the row: for a family account, its masked e-mail.
        return super().action_checkbox(_Listed(obj, self.account_label(obj)))

    @staticmethod
    def account_label(user):
        return masked_email(user.email) if is_family_account(user) else user.full_name

    @admin.display(description=_("account"), ordering="email")
    def account(self, user):
        if is_family_account(user):
            return format_html("{} <em>({})</em>", masked_email(user.email), _("family account"))
        return f"{user.full_name} <{user.email}>"

    def get_fieldsets(self, request, obj=None):
        if obj is not None and is_family_account(obj):
            return self.family_fieldsets
        return super().get_fieldsets(request, obj)

    @admin.action(description=_("Unlock sign-in (after too many wrong passwords)"))
    def unlock_sign_in(self, request, queryset):
        for user in queryset:
            axes_reset(username=user.email)
            record(request.user, "account.unlock", user, request=request)
        self.message_user(request, _("Sign-in was unlocked for the selected accounts."))


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
