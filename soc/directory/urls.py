from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="hsds_root"),
    path("services", views.services, name="hsds_services"),
    path("services/<str:pk>", views.service, name="hsds_service"),
    path("service_at_locations", views.service_at_locations, name="hsds_service_at_locations"),
    path(
        "service_at_locations/<str:pk>", views.service_at_location, name="hsds_service_at_location"
    ),
    path("organizations", views.organizations, name="hsds_organizations"),
    path("organizations/<str:pk>", views.organization, name="hsds_organization"),
    path("taxonomies", views.taxonomies, name="hsds_taxonomies"),
    path("taxonomies/<str:pk>", views.taxonomy, name="hsds_taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="hsds_taxonomy_terms"),
    path("taxonomy_terms/<str:pk>", views.taxonomy_term, name="hsds_taxonomy_term"),
]
