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

from django.db.models import F, Lookup, Q

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
    rows = list(Family.objects.visible_to(user).values_list("pk", "team"))
    if not rows:
        return results
    mine = [pk for pk, _ in rows]
    teams = [team for _, team in rows if team is not None]
    results.families = list(
        Family.objects.filter(_among("pk", mine))
        .filter(_family_matches(mine, teams, words, phone))
        .select_related("county")
        .order_by("display_name")[:LIMIT]
    )
    if phone:
        return results
    results.meetings = list(
        Meeting.objects.filter(_among("family_id", mine))
        .with_readability(user)
        .filter(
            # The words first: PostgreSQL then asks the policy's subqueries of matching rows only.
            _every_word_in(words, "agenda_folded")
            | _every_word_in(words, "notes_folded") & Q(readable=True)
        )
        .select_related("family")
        .order_by("-starts_at")[:LIMIT]
    )
    results.next_steps = list(
        NextStep.objects.visible_to(user)
        .filter(_among("family_id", mine))
        .filter(_every_word_in(words, "description_folded"))
        .select_related("family", "responsible")
        .order_by("status", "due_date")[:LIMIT]
    )
    return results


class _Among(Lookup):
    """`column IN (ids)`, the ids sent as one array on PostgreSQL: the same 195 ids in five
    places were 1,000 parameters for Django to prepare and psycopg to quote on every search."""

    lookup_name = "among"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*params, ids)
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", (*params, *ids)


def _among(column, ids):
    return _Among(F(column), ids)


def _every_word_in(words, field_name):
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field_name}__contains": word})
    return condition


def _family_matches(mine, teams, words, phone):
    """Each word is in the family's name, or in the name of one of its people or current team
    members; or the phone number is one of theirs. `mine` is the policy's answer already."""
    people = Person.objects.filter(_among("family_id", mine))
    # By team id, not through the team's family: with the stored names' statistics the planner
    # would rather scan every membership than join each team (soc/consent/tests/test_query_plans).
    members = Membership.objects.filter(_among("team_id", teams)).current()
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
