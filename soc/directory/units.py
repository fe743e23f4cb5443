"""Units of a service's capacity, read in the reader's language.

Providers type the unit ("plazas", "beds"); a family reading in the other language should
not see the provider's word. A unit we know is stored as its English word and shown
translated; any other unit is kept and shown as typed (an imported directory may use its own).
"""

from django.utils.translation import pgettext_lazy

from soc.textsearch import fold

LABELS = {
    "places": pgettext_lazy("capacity unit", "places"),
    "families": pgettext_lazy("capacity unit", "families"),
    "children": pgettext_lazy("capacity unit", "children"),
    "youth": pgettext_lazy("capacity unit", "young people"),
    "people": pgettext_lazy("capacity unit", "people"),
    "beds": pgettext_lazy("capacity unit", "beds"),
    "seats": pgettext_lazy("capacity unit", "seats"),
    "appointments": pgettext_lazy("capacity unit", "appointments"),
}
DEFAULT = "places"
# What people type for each, in English and Spanish, folded (lower case, no accents).
_TYPED = {
    "places": ["place", "places", "spot", "spots", "slot", "slots", "opening", "openings",
               "plaza", "plazas", "lugar", "lugares", "cupo", "cupos", "espacio", "espacios"],
    "families": ["family", "families", "familia", "familias"],
    "children": ["child", "children", "kid", "kids", "nino", "ninos", "nina", "ninas"],
    "youth": ["youth", "young people", "teen", "teens", "joven", "jovenes", "adolescentes"],
    "people": ["person", "people", "persona", "personas", "client", "clients", "clientes"],
    "beds": ["bed", "beds", "cama", "camas"],
    "seats": ["seat", "seats", "asiento", "asientos"],
    "appointments": ["appointment", "appointments", "cita", "citas", "turno", "turnos"],
}  # fmt: skip
_CODES = {typed: code for code, words in _TYPED.items() for typed in words}


def code_for(typed):
    """The unit to store: a known unit's English word, else the text as typed."""
    text = " ".join((typed or "").split())
    if not text:
        return DEFAULT
    return _CODES.get(fold(text), text)


def label(unit):
    """The unit in the active language, when it is one we know (also one stored as typed
    before units were recognised)."""
    return LABELS.get(_CODES.get(fold(unit), unit), unit)
