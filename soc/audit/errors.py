"""The 404 page, which also records refused attempts (tampered or guessed ids)."""

from django.views.defaults import page_not_found

from .log import record


def not_found(request, exception):
    user = getattr(request, "user", None)
    if (
        user is not None
        and user.is_authenticated
        and not getattr(request, "soc_denial_recorded", False)
    ):
        record(
            user,
            "access.denied",
            ("path", ""),
            request=request,
            detail={"path": request.path[:200]},
        )
    return page_not_found(request, exception)
