from django.urls import path

from . import find_views as views
from . import provider_views

urlpatterns = [
    path("find/", views.find_help, name="find_help"),
    path("find/<uuid:pk>/", views.find_service, name="find_service"),
    path("directory/services/<uuid:pk>/edit/", provider_views.service_edit, name="service_edit"),
    path(
        "directory/services/<uuid:pk>/verify/", provider_views.service_verify, name="service_verify"
    ),
    path(
        "directory/services/<uuid:pk>/details/",
        provider_views.service_details,
        name="service_details",
    ),
    path("directory/services/", provider_views.my_services, name="my_services"),
    path("directory/reverify/", provider_views.reverification_queue, name="reverification_queue"),
]
