"""Search across my own families: families, meetings and next steps, through the policy.

Case and accents do not matter ("Hernandez" finds "Hernández"), every word must match, and a
phone number matches on its digits ("919 555 0100" finds "(919) 555-0100"). Words are compared
with the folded text each row stores (`KeepsFoldedText` in soc/textsearch.py): folding every
meeting note of a user on 195 teams at query time cost more than the rest of the request.

The user's family ids are read once, through the policy, and handed to every query as a list:
a list the planner can count drives each query from the user's own rows, however large the
database (bench/run_bench.py, search at 100,000 families), and the policy's family subqueries
are not re-evaluated per row. What the policy adds beyond the family (a meeting's readability,
a next step's category and consent) is still asked of it.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from soc import textsearch
from soc.families.models import Family, Person
from soc.textsearch import Digits

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
    # The policy's filter, once: every query below is limited to these ids, and what it adds
    # on top (a meeting's readability, a next step's consent) is still the policy's.
    mine = list(Family.objects.visible_to(user).values_list("pk", flat=True))
    if not mine:
        return results
    results.families = list(
        Family.objects.filter(pk__in=mine)
        .filter(_family_matches(mine, words, phone))
        .select_related("county")
        .order_by("display_name")[:LIMIT]
    )
    if phone:
        return results
    results.meetings = list(
        Meeting.objects.filter(family_id__in=mine)
        .with_readability(user)
        .filter(
            _every_word_in(words, "agenda_folded")
            | Q(readable=True) & _every_word_in(words, "notes_folded")
        )
        .select_related("family")
        .order_by("-starts_at")[:LIMIT]
    )
    results.next_steps = list(
        NextStep.objects.visible_to(user)
        .filter(family_id__in=mine)
        .filter(_every_word_in(words, "description_folded"))
        .select_related("family", "responsible")
        .order_by("status", "due_date")[:LIMIT]
    )
    return results


def _every_word_in(words, field_name):
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field_name}__contains": word})
    return condition


def _family_matches(mine, words, phone):
    """Each word is in the family's name, or in the name of one of its people or current team
    members; or the phone number is one of theirs. `mine` is the policy's answer already."""
    people = Person.objects.filter(family_id__in=mine)
    members = Membership.objects.filter(team__family_id__in=mine).current()
    if phone:
        people = people.annotate(digits=Digits("phone")).filter(digits__contains=phone)
        members = members.annotate(digits=Digits("phone")).filter(digits__contains=phone)
        return Q(id__in=people.values("family_id")) | Q(id__in=members.values("team__family_id"))
    condition = Q()
    for word in words:
        condition &= (
            Q(name_folded__contains=word)
            | Q(id__in=people.filter(name_folded__contains=word).values("family_id"))
            | Q(id__in=members.filter(name_folded__contains=word).values("team__family_id"))
        )
    return condition
