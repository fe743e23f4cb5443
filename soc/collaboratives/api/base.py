"""The collaboratives router and what its doors share: finding a body, a meeting and what a
request body names, and the lists as the pagination wants them."""

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router

from .. import rules
from ..models import Collaborative, Seat
from ..views.base import confidential_or_404

router = Router(tags=["collaboratives"])
MEETINGS, RECOMMENDATIONS = ["collaborative meetings"], ["recommendations"]


def body_or_404(slug):
    """Bodies are public: an unknown one is simply not found."""
    return get_object_or_404(Collaborative.objects.select_related("parent"), slug=slug)


def meeting_or_404(body, meeting_id):
    return get_object_or_404(body.meetings, pk=meeting_id)  # its collaborative is `body`


def insider(request, body):
    """Holds a seat on the body: sees its confidential items (and draft minutes)."""
    return rules.can(request.auth, "see_confidential", body)


def not_one_of_the_choices(field):
    return ValidationError({field: ModelChoiceField.default_error_messages["invalid_choice"]})


def pick(queryset, pk, field):
    """The row a request body names (None for None); a 422 on `field` for any id not in
    `queryset`, so an id the caller may not see answers as one that does not exist."""
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise not_one_of_the_choices(field)
    return found


def pick_seats(rows, field):
    """{seat: row} for rows naming seats (one query); a 422 on `field[i].seat` for an unknown
    seat or one named twice. Seats of other bodies are found: the action refuses them."""
    found = Seat.objects.in_bulk([row.seat for row in rows])
    chosen = {}
    for index, row in enumerate(rows):
        seat = found.get(row.seat)
        if seat is None:
            raise not_one_of_the_choices(f"{field}[{index}].seat")
        if seat in chosen:
            raise ValidationError({f"{field}[{index}].seat": _("This seat is listed twice.")})
        chosen[seat] = row
    return chosen


def item_or_404(request, meeting, item_id):
    item = get_object_or_404(meeting.items.select_related("parent"), pk=item_id)
    hidden = item.is_hidden_from_public
    return confidential_or_404(request.auth, request, meeting.collaborative, item, hidden)


def motion_or_404(request, meeting, motion_id):
    motion = get_object_or_404(meeting.motions.select_related("item__parent"), pk=motion_id)
    hidden = motion.is_confidential
    return confidential_or_404(request.auth, request, meeting.collaborative, motion, hidden)


def pick_all(queryset, ids, field):
    """The rows a list of ids names (one query); a 422 on `field[i]` for any id not in
    `queryset`."""
    found = queryset.in_bulk(ids)
    for index, pk in enumerate(ids):
        if pk not in found:
            raise not_one_of_the_choices(f"{field}[{index}]")
    return list(found.values())
