from django.contrib import admin
from django.urls import include, path

from soc.api.urls import api

handler404 = "soc.audit.errors.not_found"
admin.site.site_header = "System of Care: accounts"

urlpatterns = [
    path("", include("soc.accounts.urls")),
    path("", include("soc.families.urls")),
    path("", include("soc.teams.urls")),
    path("", include("soc.plans.urls")),
    path("", include("soc.consent.urls")),
    path("api/v1/", api.urls),
    path("accounts-admin/", admin.site.urls),
]
