from django.urls import path

from . import organize, views

one = "trainings/<int:training_id>/"

urlpatterns = [
    path("trainings/", views.training_list, name="training_list"),
    path("trainings/share/", views.share_state, name="training_share"),
    path(
        "trainings/share/collaboratives/<slug:slug>/", views.share_body, name="training_share_body"
    ),
    path(
        "trainings/share/organizations/<int:organization_id>/",
        views.share_organization,
        name="training_share_organization",
    ),
    path("trainings/cancel/<str:token>/", views.registration_cancel, name="registration_cancel"),
    path(
        "trainings/new/collaboratives/<slug:slug>/",
        organize.training_new_for_body,
        name="training_new_body",
    ),
    path(
        "trainings/new/organizations/<int:organization_id>/",
        organize.training_new_for_organization,
        name="training_new_organization",
    ),
    path(one, views.training, name="training"),
    path(one + "register/", views.training_register, name="training_register"),
    path(one + "cancel/", views.my_registration_cancel, name="my_registration_cancel"),
    path(one + "edit/", organize.training_edit, name="training_edit"),
    path(
        one + "cofacilitators/new/", organize.training_cofacilitator, name="training_cofacilitator"
    ),
    path(
        one + "cofacilitators/<int:person_id>/remove/",
        organize.training_cofacilitator_remove,
        name="training_cofacilitator_remove",
    ),
    path(one + "registrants/", organize.training_registrants, name="training_registrants"),
    path(one + "attendance/", organize.training_attendance, name="training_attendance"),
]
