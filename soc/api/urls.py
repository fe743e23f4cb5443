"""The JSON API root at /api/v1/: authentication, error handling, and each app's router.

Apps contribute their endpoints from their own `api.py`; the interactive documentation is at
/api/v1/docs and the OpenAPI document at /api/v1/openapi.json.
"""

from ninja import NinjaAPI, Schema

from soc.accounts.models import Language
from soc.collaboratives.api import router as collaboratives_router
from soc.consent.api import router as consent_router
from soc.families.api import router as families_router
from soc.family_partners.api import router as family_partners_router
from soc.plans.api import router as plans_router
from soc.referrals.api import router as referrals_router
from soc.reporting.api import router as reporting_router
from soc.teams.api import router as teams_router
from soc.trainings.api import router as trainings_router

from . import errors
from .auth import api_auth
from .schemas import ERRORS, OrganizationOut, choices


class SocAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # Short, stable ids ("open_family"), which also name the functions in generated clients.
        return operation.view_func.__name__

    def validation_error_from_error_contexts(self, error_contexts):
        problems = []
        for context in error_contexts:
            model = context.model
            source = model.__ninja_param_source__
            body_param = next(iter(model.model_fields)) if len(model.model_fields) == 1 else None
            raw = []
            for error in context.pydantic_validation_error.errors(include_url=False):
                loc = model.__ninja_flatten_map_reverse__.get(error["loc"], error["loc"])
                raw.append({**error, "loc": loc})
            problems += errors.problems_from_pydantic(source, raw, body_param)
        return errors.NinjaValidationError(problems)


api = SocAPI(
    title="System of Care API",
    version="1",
    description=(
        "The JSON door to the same functions the web pages use. Authenticate with a personal "
        "token (`Authorization: Bearer soc_...`, created on your account page) or, from the "
        "browser, with your session and the CSRF token. Families you are not on the team of "
        "answer 404."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=api_auth,
)
errors.install(api)


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    job_title: str
    language: choices(Language)
    organization: OrganizationOut | None
    is_org_admin: bool


@api.get("/me", response={200: MeOut, 401: ERRORS[401]}, tags=["me"])
def me(request):
    """The signed-in user, their language and organization."""
    return request.auth


api.add_router("", families_router)
api.add_router("", teams_router)
api.add_router("", consent_router)
api.add_router("", plans_router)
api.add_router("", referrals_router)
api.add_router("", collaboratives_router)
api.add_router("", family_partners_router)
api.add_router("", reporting_router)
api.add_router("", trainings_router)
