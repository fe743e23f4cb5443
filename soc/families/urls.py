from django.urls import path

from . import views

urlpatterns = [
    path("families/<int:family_id>/edit/", views.family_edit, name="family_edit"),
    path(
        "families/<int:family_id>/people/<int:person_id>/edit/",
        views.person_edit,
        name="person_edit",
    ),
    path("families/<int:family_id>/who-looked/", views.who_looked, name="who_looked"),
]
