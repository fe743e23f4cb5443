from django.urls import path

from .views import bodies

body = "collaboratives/<slug:slug>/"

urlpatterns = [
    path("collaboratives/", bodies.collaborative_list, name="collaborative_list"),
    path("collaboratives/new/", bodies.collaborative_new, name="collaborative_new"),
    path(body, bodies.collaborative, name="collaborative"),
    path(body + "edit/", bodies.collaborative_edit, name="collaborative_edit"),
    path(body + "seats/new/", bodies.seat_add, name="seat_add"),
    path(body + "seats/<int:seat_id>/fill/", bodies.seat_fill, name="seat_fill"),
    path(body + "terms/<int:term_id>/end/", bodies.term_end, name="term_end"),
]
