from django.urls import path

from .views import inbox, team

family = "families/<int:family_id>/referrals/"

urlpatterns = [
    path(family + "new/", team.referral_new, name="referral_new"),
    path(family + "new/<uuid:service_id>/", team.referral_share, name="referral_share"),
    path(family + "no-service-fits/", team.referral_no_fit, name="referral_no_fit"),
    path(family + "<int:referral_id>/", team.referral, name="referral"),
    path(family + "<int:referral_id>/change/", team.referral_change, name="referral_change"),
    path(family + "<int:referral_id>/answer/", team.referral_answer, name="referral_answer"),
    path("referrals/inbox/", inbox.referral_inbox, name="referral_inbox"),
    path("referrals/inbox/<int:referral_id>/", inbox.referral_received, name="referral_received"),
    path(
        "referrals/inbox/<int:referral_id>/change/",
        inbox.referral_received_change,
        name="referral_received_change",
    ),
]
