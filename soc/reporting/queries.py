"""The inventory read back: every requirement, and the data items asked for more than once."""

from django.db.models import Count, Prefetch

from .models import DataItem, ReportingRequirement


def duplicated_items():
    """Data items asked for by more than one requirement, most asked first, each with the
    requirements asking (two queries, however long the inventory)."""
    asking = ReportingRequirement.objects.select_related(
        "collaborative", "recipient_organization"
    ).order_by("title", "id")
    return list(
        DataItem.objects.annotate(asked=Count("requirements", distinct=True))
        .filter(asked__gt=1)
        .order_by("-asked", "name")
        .prefetch_related(Prefetch("requirements", queryset=asking))
    )
