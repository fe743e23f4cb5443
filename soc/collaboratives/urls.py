from django.urls import path

from .feeds import RecommendationFeed
from .views import barriers, bodies, meetings, recommendations

body = "collaboratives/<slug:slug>/"
meeting = body + "meetings/<int:meeting_id>/"
barrier = body + "barriers/<int:barrier_id>/"
rec = "collaboratives/recommendations/<int:recommendation_id>/"
R = recommendations

urlpatterns = [
    path("collaboratives/", bodies.collaborative_list, name="collaborative_list"),
    path("collaboratives/partnership/", bodies.partnership_rollup, name="partnership"),
    path("families/<int:family_id>/barriers/new/", barriers.barrier_raise, name="barrier_raise"),
    path(
        "collaboratives/recommendations/", R.recommendation_tracker, name="recommendation_tracker"
    ),
    path("collaboratives/recommendations/feed/", RecommendationFeed(), name="recommendation_feed"),
    path("collaboratives/recommendations/new/", R.recommendation_new, name="recommendation_new"),
    path(rec, R.recommendation, name="recommendation"),
    path(rec + "status/", R.recommendation_move, name="recommendation_move"),
    path(rec + "milestones/new/", R.milestone_add, name="milestone_add"),
    path(rec + "milestones/<int:milestone_id>/done/", R.milestone_done, name="milestone_done"),
    path(rec + "updates/new/", R.recommendation_update, name="recommendation_update"),
    path(rec + "responses/new/", R.agency_response, name="agency_response"),
    path("collaboratives/new/", bodies.collaborative_new, name="collaborative_new"),
    path(body, bodies.collaborative, name="collaborative"),
    path(body + "edit/", bodies.collaborative_edit, name="collaborative_edit"),
    path(body + "seats/new/", bodies.seat_add, name="seat_add"),
    path(body + "seats/<int:seat_id>/fill/", bodies.seat_fill, name="seat_fill"),
    path(body + "terms/<int:term_id>/end/", bodies.term_end, name="term_end"),
    path(body + "meetings/new/", meetings.gov_meeting_new, name="gov_meeting_new"),
    path(meeting, meetings.gov_meeting, name="gov_meeting"),
    path(meeting + "edit/", meetings.gov_meeting_edit, name="gov_meeting_edit"),
    path(meeting + "cancel/", meetings.gov_meeting_cancel, name="gov_meeting_cancel"),
    path(meeting + "items/new/", meetings.agenda_suggest, name="agenda_suggest"),
    path(meeting + "items/<int:item_id>/", meetings.gov_item, name="gov_item"),
    path(meeting + "items/<int:item_id>/accept/", meetings.agenda_accept, name="agenda_accept"),
    path(meeting + "roll/", meetings.roll_call, name="roll_call"),
    path(meeting + "motions/new/", meetings.motion_new, name="motion_new"),
    path(meeting + "motions/<int:motion_id>/votes/", meetings.motion_votes, name="motion_votes"),
    path(meeting + "action-items/new/", meetings.action_item_add, name="action_item_add"),
    path(
        meeting + "action-items/<int:action_id>/status/",
        meetings.action_item_status,
        name="action_item_status",
    ),
    path(meeting + "minutes/", meetings.minutes_edit, name="minutes_edit"),
    path(meeting + "minutes/approve/", meetings.minutes_approve, name="minutes_approve"),
    path(body + "barriers/", barriers.barrier_list, name="barrier_list"),
    path(body + "barriers/new/", barriers.barrier_new, name="barrier_new"),
    path(barrier, barriers.barrier, name="barrier"),
    path(barrier + "escalate/", barriers.barrier_escalate, name="barrier_escalate"),
    path(barrier + "decide/", barriers.barrier_decide, name="barrier_decide"),
]
