from django.urls import path

from . import views

urlpatterns = [
    path(
        "families/<int:family_id>/members/<int:member_id>/reminders/",
        views.member_reminders,
        name="member_reminders",
    ),
    path("texts/inbound/", views.texts_inbound, name="texts_inbound"),
]
