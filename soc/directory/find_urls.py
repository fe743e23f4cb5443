from django.urls import path

from . import find_views as views

urlpatterns = [
    path("find/", views.find_help, name="find_help"),
    path("find/<uuid:pk>/", views.find_service, name="find_service"),
    path("directory/services/<uuid:pk>/edit/", views.service_edit, name="service_edit"),
    path("directory/services/<uuid:pk>/verify/", views.service_verify, name="service_verify"),
    path("directory/reverify/", views.reverification_queue, name="reverification_queue"),
]
