from django.urls import path

from . import views

family = "families/<int:family_id>/"

urlpatterns = [
    path(family + "consents/", views.consents, name="consents"),
    path(family + "consents/new/", views.consent_new, name="consent_new"),
    path(family + "consents/<int:consent_id>/", views.consent_detail, name="consent"),
    path(family + "consents/<int:consent_id>/revoke/", views.consent_revoke, name="consent_revoke"),
    path(family + "consents/<int:consent_id>/consent.pdf", views.consent_pdf, name="consent_pdf"),
    path(family + "emergency-access/", views.emergency_open, name="emergency_open"),
]
