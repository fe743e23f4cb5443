from django.contrib import admin
from django.urls import include, path

from soc import health
from soc.api.urls import api

# Error pages in the reader's language (the language is already active when they render).
handler403 = "django.views.defaults.permission_denied"
handler404 = "soc.audit.errors.not_found"
handler500 = "django.views.defaults.server_error"
admin.site.site_header = "System of Care: accounts"

urlpatterns = [
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("", include("soc.accounts.urls")),
    path("", include("soc.families.urls")),
    path("", include("soc.teams.urls")),
    path("", include("soc.plans.urls")),
    path("", include("soc.referrals.urls")),
    path("", include("soc.consent.urls")),
    path("", include("soc.messaging.urls")),
    path("", include("soc.collaboratives.urls")),
    path("", include("soc.family_partners.urls")),
    path("", include("soc.reporting.urls")),
    path("", include("soc.trainings.urls")),
    path("api/v1/", api.urls),
    path("hsds/", include("soc.directory.urls")),
    path("", include("soc.directory.find_urls")),
    path("accounts-admin/", admin.site.urls),
]
