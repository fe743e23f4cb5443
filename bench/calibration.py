"""Reference doors for the throughput benchmark: what plain Django costs on this machine.

`/health/live` answers before any middleware runs (soc/health.py), so it measures the server,
not Django. To show how far each door is from the floor Django itself sets, the benchmark's
server also serves two views that exist only here (this module is its URLconf):

- `/bench/plain` — a no-database JSON view through the whole middleware stack, anonymous;
- `/bench/one-row` — the signed-in user (session and user lookups, as every door pays) reading
  one family by primary key, with no policy, audit or serialization.

Served with DJANGO_SETTINGS_MODULE=bench.calibration_settings (bench/run_bench.py does).
"""

from django.http import JsonResponse
from django.urls import include, path


def plain(request):
    return JsonResponse({"status": "ok"})


def one_row(request):
    from soc.families.models import Family

    if not request.user.is_authenticated:
        return JsonResponse({"detail": "sign in"}, status=401)
    family = Family.objects.filter(pk=request.GET.get("id")).values("id", "display_name").first()
    return JsonResponse(family or {}, status=200 if family else 404)


urlpatterns = [
    path("bench/plain", plain),
    path("bench/one-row", one_row),
    path("", include("soc.urls")),
]
