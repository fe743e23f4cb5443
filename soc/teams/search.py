"""Search across my own families: families, meetings and next steps, through the policy.

Case and accents do not matter ("Hernandez" finds "Hernández"), every word must match, and a
phone number matches on its digits ("919 555 0100" finds "(919) 555-0100"). Only rows of the
user's own families are read (the policy's filters come first), so the text functions run on
those rows alone; see soc/textsearch.py.

The user's family ids are read first and handed to every query as a list as well as through the
policy's filter: the planner cannot tell how costly the text functions are, and with a
subquery alone it may decide to run them over every family in the state and join afterwards.
A list of ids it can count drives each query from the user's own rows, however large the
database (bench/run_bench.py, search at 100,000 families).
"""

from dataclasses import dataclass, field

from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat

from soc import textsearch
from soc.families.models import Family, Person
from soc.textsearch import Digits, Folded

from .models import Meeting, Membership, NextStep

LIMIT = 25


@dataclass
class Results:
    families: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    next_steps: list = field(default_factory=list)

    def shown_records(self):
        """The case records whose content the page shows (for the disclosure log)."""
        return [m for m in self.meetings if m.readable and m.has_notes] + self.next_steps


def search_my_families(user, query):
    words, phone = textsearch.terms(query), textsearch.phone_digits(query)
    results = Results()
    if len(query) < 2 or not (words or phone):
        return results
    mine = list(Family.objects.visible_to(user).values_list("pk", flat=True))
    if not mine:
        return results
    results.families = list(
        Family.objects.visible_to(user)
        .filter(pk__in=mine)
        .annotate(name_text=Folded("display_name"))
        .filter(_family_matches(user, mine, words, phone))
        .select_related("county")
        .order_by("display_name")[:LIMIT]
    )
    if phone:
        return results
    results.meetings = list(
        Meeting.objects.of_my_teams(user)
        .filter(family_id__in=mine)
        .with_readability(user)
        .annotate(
            agenda_text=Folded("agenda"),
            notes_text=Folded(Concat("notes", Value(" "), "decisions", output_field=TextField())),
        )
        .filter(
            _every_word_in(words, "agenda_text")
            | Q(readable=True) & _every_word_in(words, "notes_text")
        )
        .select_related("family")
        .order_by("-starts_at")[:LIMIT]
    )
    results.next_steps = list(
        NextStep.objects.visible_to(user)
        .filter(family_id__in=mine)
        .annotate(text=Folded("description"))
        .filter(_every_word_in(words, "text"))
        .select_related("family", "responsible")
        .order_by("status", "due_date")[:LIMIT]
    )
    return results


def _every_word_in(words, field_name):
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field_name}__contains": word})
    return condition


def _family_matches(user, mine, words, phone):
    """Each word is in the family's name, or in the name of one of its people or current team
    members; or the phone number is one of theirs."""
    people = Person.objects.visible_to(user).filter(family_id__in=mine)
    members = Membership.objects.visible_to(user).filter(team__family_id__in=mine).current()
    if phone:
        people = people.annotate(digits=Digits("phone")).filter(digits__contains=phone)
        members = members.annotate(digits=Digits("phone")).filter(digits__contains=phone)
        return Q(id__in=people.values("family_id")) | Q(id__in=members.values("team__family_id"))
    people = people.annotate(text=Folded(textsearch.full_name()))
    members = members.annotate(text=Folded("name"))
    condition = Q()
    for word in words:
        condition &= (
            Q(name_text__contains=word)
            | Q(id__in=people.filter(text__contains=word).values("family_id"))
            | Q(id__in=members.filter(text__contains=word).values("team__family_id"))
        )
    return condition
