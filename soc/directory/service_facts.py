"""What a family reads about a service, in plain words: room, cost, languages, hours, where, phone."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Service, Weekday

CAPACITY_WORDS = {
    Service.CapacityStatus.HAS_CAPACITY: gettext_lazy("Has room"),
    Service.CapacityStatus.WAITLIST: gettext_lazy("Waiting list"),
    Service.CapacityStatus.NO_CAPACITY: gettext_lazy("Full"),
    Service.CapacityStatus.ASSESSMENT: gettext_lazy("Call to ask if they can take you"),
}
CAPACITY_TAGS = {
    Service.CapacityStatus.HAS_CAPACITY: "soc-tag--room",
    Service.CapacityStatus.WAITLIST: "soc-tag--wait",
    Service.CapacityStatus.NO_CAPACITY: "soc-tag--full",
}
LANGUAGE_WORDS = {"en": gettext_lazy("English"), "es": gettext_lazy("Spanish")}


def shown(record, relation):
    """The related rows search.for_display fetched for the record, else the relation's own."""
    rows = getattr(record, f"shown_{relation}", None)
    return rows if rows is not None else list(getattr(record, relation).all())


def capacity_words(service):
    return CAPACITY_WORDS.get(service.capacity_status, "")


def languages(service):
    """Language names in the reader's language, each once ("Spanish", "English")."""
    seen = []
    for language in shown(service, "languages"):
        name = str(LANGUAGE_WORDS.get(language.code[:2].lower(), language.name or language.code))
        if name and name not in seen:
            seen.append(name)
    return seen


def cost(service):
    options = shown(service, "cost_options")
    if not options:
        return service.fees_description or ""
    if all((o.amount or 0) == 0 for o in options):
        return _("Free")
    paid = [o for o in options if o.amount]
    return _("Costs money: $%(amount)s") % {"amount": f"{min(o.amount for o in paid):g}"}


def _places(service):
    return [sal.location for sal in shown(service, "service_at_locations")]


def address(service):
    for location in _places(service):
        for a in shown(location, "addresses"):
            return f"{a.address_1}, {a.city}, {a.state_province} {a.postal_code}"
    return ""


def phone(service):
    phones = list(shown(service, "phones"))
    for location in _places(service):
        phones += shown(location, "phones")
    return phones[0].number if phones else ""


def hours(service):
    """Lines like "Monday, Wednesday: 5:00 p.m. to 7:00 p.m."."""
    schedules = list(shown(service, "schedules"))
    for sal in shown(service, "service_at_locations"):
        schedules += shown(sal, "schedules")
    day_names = dict(Weekday.choices)
    lines = []
    for s in schedules:
        if s.description and not (s.byday and s.opens_at):
            lines.append(s.description)
            continue
        days = ", ".join(str(day_names[d]) for d in s.byday.split(",") if d in day_names)
        if days and s.opens_at and s.closes_at:
            lines.append(
                _("%(days)s: %(opens)s to %(closes)s")
                % {"days": days, "opens": _clock(s.opens_at), "closes": _clock(s.closes_at)}
            )
    return lines


def _clock(time):
    from django.utils.formats import time_format

    return time_format(time, "TIME_FORMAT")


def facts(service, today=None):
    """Everything a result card and the service page show, computed once per service."""
    return {
        "service": service,
        "capacity": capacity_words(service),
        "capacity_tag": CAPACITY_TAGS.get(service.capacity_status, ""),
        "languages": languages(service),
        "cost": cost(service),
        "address": address(service),
        "phone": phone(service),
        "hours": hours(service),
        "stale": service.needs_reverification(today),
        "distance_miles": (
            round(service.distance_km / 1.609, 1)
            if getattr(service, "distance_km", None) is not None
            else None
        ),
    }
