from django.shortcuts import get_object_or_404
from ninja import Router

from soc.consent.disclosures import disclose
from soc.consent.doors import family_or_404, record_view

from ..models import Plan, PlanVersion
from ..queries import contents

router = Router()
PLANS = ["plans"]


def family_plan(request, family_id):
    family = family_or_404(request, family_id)
    return family, Plan.objects.filter(family=family).first()


def version_404(family, version_id):
    return get_object_or_404(
        PlanVersion.objects.filter(family=family).select_related("plan", "author"), pk=version_id
    )


def shown(request, family, version, action="plan.api_view"):
    """The readable parts of a version, with the view and the disclosure recorded."""
    record_view(request, action, version, family.pk, user=request.auth)
    result = contents(request.auth, family, version)
    disclose(request.auth, result.shown, door="api", request=request)
    return result
