from django.urls import path

from . import public_views, views

one = "family-partners/requests/<int:request_id>/"

urlpatterns = [
    path("connect/", public_views.connect, name="connect"),
    path("connect/thanks/", public_views.connect_thanks, name="connect_thanks"),
    path("family-partners/requests/", views.inbox, name="family_request_inbox"),
    path(one, views.family_request, name="family_request"),
    path(one + "claim/", views.claim, name="family_request_claim"),
    path(one + "contact/", views.contact, name="family_request_contact"),
    path(one + "close/", views.close, name="family_request_close"),
    path(one + "consent/", views.consent, name="family_request_consent"),
    path(one + "find-family/", views.find_family, name="family_request_find_family"),
    path(one + "link/", views.link, name="family_request_link"),
    path(one + "intake/", views.intake, name="family_request_intake"),
]
