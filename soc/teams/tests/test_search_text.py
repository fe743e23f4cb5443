"""The folded text search compares (soc/textsearch.py `KeepsFoldedText`) follows every write:
created, edited, renamed, through save with or without `update_fields`, bulk_create and the
demo's bulk writer. A stale column would hide a family from its own team's search."""

from datetime import date, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from soc import factories as f
from soc.demo.actions import seed
from soc.families import actions as family_actions
from soc.families.models import Family, Person
from soc.teams import actions
from soc.teams.models import Meeting, Membership, NextStep
from soc.teams.search import search_my_families
from soc.textsearch import fold

pytestmark = pytest.mark.django_db


def found(user, query):
    results = search_my_families(user, query)
    return results.families, results.meetings, results.next_steps


def test_a_new_family_and_its_people_are_stored_folded(cast):
    assert Family.objects.get(pk=cast.family.pk).name_folded == "the rivera family"
    person = f.PersonFactory(family=cast.family, first_name="Sofía", last_name="Hernández")
    assert Person.objects.get(pk=person.pk).name_folded == "sofia hernandez"
    assert found(cast.facilitator, "hernandez")[0] == [cast.family]


def test_renaming_a_family_refreshes_its_folded_name(cast):
    family = Family.objects.get(pk=cast.family.pk)
    family_actions.update_family(
        cast.facilitator,
        family,
        version=family.version,
        changes={"display_name": "La familia Peña"},
    )
    assert Family.objects.get(pk=cast.family.pk).name_folded == "la familia pena"
    assert found(cast.facilitator, "PENA")[0] == [cast.family]
    assert found(cast.facilitator, "family")[0] == []  # "The Rivera family" is gone


def test_editing_a_person_refreshes_the_folded_name(cast):
    person = Person.objects.get(pk=cast.child.pk)
    family_actions.update_person(
        cast.facilitator, person, version=person.version, changes={"first_name": "Ángela"}
    )
    assert Person.objects.get(pk=person.pk).name_folded == "angela rivera"
    assert found(cast.facilitator, "angela")[0] == [cast.family]
    assert found(cast.facilitator, "ana rivera")[0] == []


def test_a_save_of_other_fields_leaves_the_folded_text_alone(cast):
    person = Person.objects.only("id", "school").get(pk=cast.child.pk)
    person.school = "Lincoln"
    person.save(update_fields=["school"])
    assert Person.objects.get(pk=person.pk).name_folded == "ana rivera"


def test_renaming_a_member_refreshes_the_folded_name(cast):
    member = Membership.objects.get(pk=cast.member_membership.pk)
    member.name = "Samuel Núñez"
    member.save(update_fields=["name"])
    assert Membership.objects.get(pk=member.pk).name_folded == "samuel nunez"
    assert found(cast.facilitator, "nunez")[0] == [cast.family]


def test_recording_a_meeting_refreshes_its_folded_notes(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    meeting = Meeting.objects.get(pk=cast.meeting.pk)
    actions.record_meeting(
        cast.facilitator,
        meeting,
        version=meeting.version,
        notes="Habló con la maestra",
        decisions="Tutoría los martes",
        attendance={},
    )
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.notes_folded == "hablo con la maestra tutoria los martes"
    assert found(cast.facilitator, "TUTORIA")[1] == [stored]


def test_a_new_meeting_agenda_is_stored_folded(cast):
    meeting = f.MeetingFactory(team=cast.team, agenda="Revisión del plan")
    assert Meeting.objects.get(pk=meeting.pk).agenda_folded == "revision del plan"
    assert meeting in found(cast.facilitator, "revision")[1]


def test_editing_a_next_step_refreshes_its_folded_description(cast):
    step = actions.add_next_step(
        cast.facilitator,
        cast.team,
        description="Llamar a la clínica",
        responsible=cast.member_membership,
        due_date=timezone.localdate(),
    )
    assert NextStep.objects.get(pk=step.pk).description_folded == "llamar a la clinica"
    actions.update_next_step(
        cast.facilitator, step, version=step.version, changes={"description": "Ir al médico"}
    )
    assert NextStep.objects.get(pk=step.pk).description_folded == "ir al medico"
    assert [s.pk for s in found(cast.facilitator, "medico")[2]] == [step.pk]
    assert found(cast.facilitator, "clinica")[2] == []


def test_opening_a_family_stores_its_people_folded():
    coordinator = f.StaffFactory()
    family = actions.open_family(
        coordinator,
        family_fields={"display_name": "The García family", "county": f.wake()},
        people=[{"role": "youth", "first_name": "Iñaki", "date_of_birth": date(2010, 1, 1)}],
    )
    # First and last name joined by a space, as the search's old per-row expression did.
    assert list(family.people.values_list("name_folded", flat=True)) == ["inaki "]
    assert found(coordinator, "inaki")[0] == [family]


def test_the_seeder_fills_every_folded_column():
    with transaction.atomic():
        seed(families=5, seed=1, today=date(2026, 3, 2))
        for model, sources in [
            (Family, Family.FOLDED),
            (Person, Person.FOLDED),
            (Membership, Membership.FOLDED),
            (Meeting, Meeting.FOLDED),
            (NextStep, NextStep.FOLDED),
        ]:
            for column, fields in sources.items():
                rows = list(model.objects.values_list(column, *fields))
                assert rows, model
                for stored, *texts in rows:
                    assert stored == fold(" ".join(texts)), (model, column)
        transaction.set_rollback(True)


def test_a_queryset_update_refreshes_the_folded_text(cast):
    Family.objects.filter(pk=cast.family.pk).update(display_name="Los Muñoz")
    Meeting.objects.filter(pk=cast.meeting.pk).update(agenda="Próxima cita", decisions="Sí")
    assert Family.objects.get(pk=cast.family.pk).name_folded == "los munoz"
    meeting = Meeting.objects.get(pk=cast.meeting.pk)
    assert meeting.agenda_folded == "proxima cita"
    # Only the decisions were given: the notes are read from the row, in SQL.
    assert meeting.notes_folded == fold(f"{meeting.notes} Sí")
    assert found(cast.facilitator, "munoz")[0] == [cast.family]


def test_code_that_does_not_know_the_folded_column_can_still_insert(cast):
    """While a deploy rolls out, old code writes rows without the column: the database's own
    default fills it (the row is then folded at its next save or by the migration's backfill)."""
    family = Family.objects.get(pk=cast.family.pk)
    family.pk, family.display_name = None, "Old Code Family"
    known = [
        field
        for field in Family._meta.local_concrete_fields
        if not field.primary_key and field.name != "name_folded"
    ]
    [(pk,)] = Family._base_manager._insert(
        [family], fields=known, returning_fields=[Family._meta.pk]
    )
    assert Family.objects.get(pk=pk).name_folded == ""
