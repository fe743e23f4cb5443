from django.contrib import admin
from django.urls import include, path

from soc import health
from soc.api.urls import api

handler404 = "soc.audit.errors.not_found"
admin.site.site_header = "System of Care: accounts"

urlpatterns = [
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("", include("soc.accounts.urls")),
    path("", include("soc.families.urls")),
    path("", include("soc.teams.urls")),
    path("", include("soc.consent.urls")),
    path("", include("soc.messaging.urls")),
    path("api/v1/", api.urls),
    path("accounts-admin/", admin.site.urls),
]
