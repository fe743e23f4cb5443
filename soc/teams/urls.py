from django.urls import path

from .views import documents, family_page, home, invitations, meetings, members, next_steps, opening

family = "families/<int:family_id>/"
meeting = family + "meetings/<int:meeting_id>/"

urlpatterns = [
    path("families/new/", opening.family_new, name="family_new"),
    path("families/<int:family_id>/join/", opening.family_join, name="family_join"),
    path("", home.home, name="home"),
    path("my-tasks/", home.my_tasks, name="my_tasks"),
    path(family, family_page.family, name="family"),
    path(family + "members/new/", members.member_add, name="member_add"),
    path(
        family + "members/<int:member_id>/approve/",
        members.member_approve,
        name="member_approve",
    ),
    path(
        family + "members/<int:member_id>/decline/",
        members.member_decline,
        name="member_decline",
    ),
    path(
        family + "members/<int:member_id>/withdraw/",
        members.member_withdraw,
        name="member_withdraw",
    ),
    path(family + "members/<int:member_id>/remove/", members.member_remove, name="member_remove"),
    path(
        family + "members/<int:member_id>/required/",
        members.member_required,
        name="member_required",
    ),
    path(family + "meetings/new/", meetings.meeting_new, name="meeting_new"),
    path(meeting, meetings.meeting, name="meeting"),
    path(meeting + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(meeting + "cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path(meeting + "record/", meetings.meeting_record, name="meeting_record"),
    path(meeting + "invite.ics", meetings.meeting_ics, name="meeting_ics"),
    path(meeting + "summary.pdf", documents.meeting_pdf, name="meeting_pdf"),
    path(family + "export.xlsx", documents.family_export, name="family_export"),
    path("search/", documents.search, name="search"),
    path(family + "next-steps/", next_steps.next_step_add, name="next_step_add"),
    path(
        family + "next-steps/<int:step_id>/", next_steps.next_step_update, name="next_step_update"
    ),
    path("calendar/<str:token>.ics", invitations.calendar_feed, name="calendar_feed"),
    path("invitations/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
]
