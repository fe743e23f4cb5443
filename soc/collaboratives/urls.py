from django.urls import path

from .views import bodies, meetings

body = "collaboratives/<slug:slug>/"
meeting = body + "meetings/<int:meeting_id>/"

urlpatterns = [
    path("collaboratives/", bodies.collaborative_list, name="collaborative_list"),
    path("collaboratives/partnership/", bodies.partnership_rollup, name="partnership"),
    path("collaboratives/new/", bodies.collaborative_new, name="collaborative_new"),
    path(body, bodies.collaborative, name="collaborative"),
    path(body + "edit/", bodies.collaborative_edit, name="collaborative_edit"),
    path(body + "seats/new/", bodies.seat_add, name="seat_add"),
    path(body + "seats/<int:seat_id>/fill/", bodies.seat_fill, name="seat_fill"),
    path(body + "terms/<int:term_id>/end/", bodies.term_end, name="term_end"),
    path(body + "meetings/new/", meetings.gov_meeting_new, name="gov_meeting_new"),
    path(meeting, meetings.gov_meeting, name="gov_meeting"),
    path(meeting + "items/new/", meetings.agenda_suggest, name="agenda_suggest"),
    path(meeting + "items/<int:item_id>/", meetings.gov_item, name="gov_item"),
    path(meeting + "items/<int:item_id>/accept/", meetings.agenda_accept, name="agenda_accept"),
    path(meeting + "roll/", meetings.roll_call, name="roll_call"),
    path(meeting + "motions/new/", meetings.motion_new, name="motion_new"),
    path(meeting + "motions/<int:motion_id>/votes/", meetings.motion_votes, name="motion_votes"),
    path(meeting + "action-items/new/", meetings.action_item_add, name="action_item_add"),
    path(meeting + "minutes/", meetings.minutes_edit, name="minutes_edit"),
    path(meeting + "minutes/approve/", meetings.minutes_approve, name="minutes_approve"),
]
