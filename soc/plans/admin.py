from django.contrib import admin

from .models import CrisisLine


@admin.register(CrisisLine)
class CrisisLineAdmin(admin.ModelAdmin):
    """Crisis lines are reference data, not case data: administrators keep them current."""

    list_display = ("name", "phone", "county", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "phone")
