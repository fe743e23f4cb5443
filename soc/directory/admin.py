"""The directory in /accounts-admin/ for directory administrators: public data, no case data."""

from django.contrib import admin

from . import models as m


class ServiceAtLocationInline(admin.TabularInline):
    model = m.ServiceAtLocation
    extra = 0
    raw_id_fields = ["location"]


class ServiceAreaInline(admin.TabularInline):
    model = m.ServiceArea
    extra = 0
    fields = ["name", "county"]


class CapacityInline(admin.TabularInline):
    model = m.ServiceCapacity
    extra = 0


@admin.register(m.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "status", "capacity_status", "assured_date"]
    list_filter = ["status", "capacity_status", "service_areas__county"]
    search_fields = ["name", "alternate_name", "organization__name"]
    raw_id_fields = ["organization", "program", "verified_by"]
    inlines = [ServiceAtLocationInline, ServiceAreaInline, CapacityInline]


@admin.register(m.Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "agency"]
    search_fields = ["name", "alternate_name"]
    raw_id_fields = ["parent_organization"]


@admin.register(m.Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "location_type", "organization"]
    search_fields = ["name"]
    raw_id_fields = ["organization"]


@admin.register(m.TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_es", "taxonomy_detail"]
    search_fields = ["code", "name", "name_es"]
    raw_id_fields = ["parent", "taxonomy_detail"]


admin.site.register(m.Taxonomy)
