from django.urls import path

from . import document_views, views

family = "families/<int:family_id>/"
meeting = family + "meetings/<int:meeting_id>/"

urlpatterns = [
    path("", views.home, name="home"),
    path(family, views.family, name="family"),
    path(family + "members/new/", views.member_add, name="member_add"),
    path(
        family + "members/<int:member_id>/approve/",
        views.member_decide,
        {"decision": "approve"},
        name="member_approve",
    ),
    path(
        family + "members/<int:member_id>/decline/",
        views.member_decide,
        {"decision": "decline"},
        name="member_decline",
    ),
    path(
        family + "members/<int:member_id>/withdraw/", views.member_withdraw, name="member_withdraw"
    ),
    path(family + "members/<int:member_id>/remove/", views.member_remove, name="member_remove"),
    path(
        family + "members/<int:member_id>/required/", views.member_required, name="member_required"
    ),
    path(family + "meetings/new/", views.meeting_new, name="meeting_new"),
    path(meeting, views.meeting, name="meeting"),
    path(meeting + "edit/", views.meeting_edit, name="meeting_edit"),
    path(meeting + "cancel/", views.meeting_cancel, name="meeting_cancel"),
    path(meeting + "record/", views.meeting_record, name="meeting_record"),
    path(meeting + "invite.ics", views.meeting_ics, name="meeting_ics"),
    path(meeting + "summary.pdf", document_views.meeting_pdf, name="meeting_pdf"),
    path(family + "export.xlsx", document_views.family_export, name="family_export"),
    path("search/", document_views.search, name="search"),
    path(family + "next-steps/", views.next_step_add, name="next_step_add"),
    path(family + "next-steps/<int:step_id>/", views.next_step_update, name="next_step_update"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
