"""The vocabulary search corrects misspelt words to: kept as services are saved and imported."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from soc.directory import models as m
from soc.directory import vocabulary
from soc.directory.search import search_services
from soc.directory.transfer.importing import import_rows
from soc.directory.transfer.reading import read

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite forgives typos by prefix (FTS5)"
)


def words():
    return set(m.SearchWord.objects.values_list("word", flat=True))


def names(page):
    return [s.name for s in page.object_list]


def test_saving_a_public_service_adds_its_folded_words():
    ServiceFactory(name="Talleres de crianza", description="Para NIÑOS y familias.")
    assert {"talleres", "crianza", "para", "ninos", "familias"} <= words()


def test_an_inactive_service_adds_no_words():
    ServiceFactory(name="Zumba afternoons", description="", status=m.Service.Status.INACTIVE)
    assert "zumba" not in words()


def test_editing_a_service_adds_its_new_words():
    service = ServiceFactory(name="Respite care", description="")
    service.description = "Weekend sitters for caregivers."
    service.save()
    assert {"respite", "weekend", "sitters", "caregivers"} <= words()


def test_imported_services_add_their_words_and_inactive_ones_do_not(tmp_path):
    path = tmp_path / "services.json"
    path.write_text(
        json.dumps(
            {
                "contents": [
                    {
                        "id": "0a5e5b3e-8f4f-4a39-9f3c-000000000101",
                        "name": "Kinship navigators",
                        "description": "Help for grandparents raising grandchildren.",
                        "status": "active",
                    },
                    {
                        "id": "0a5e5b3e-8f4f-4a39-9f3c-000000000102",
                        "name": "Closed zumba class",
                        "status": "inactive",
                    },
                ]
            }
        )
    )
    import_rows(read(path))
    assert {"kinship", "navigators", "grandparents", "grandchildren"} <= words()
    assert "zumba" not in words()


def test_rebuild_keeps_the_words_of_public_services_only():
    ServiceFactory(name="Respite care", description="")
    gone = ServiceFactory(name="Zumba afternoons", description="")
    gone.status = m.Service.Status.DEFUNCT
    gone.save()
    assert "zumba" in words()  # left behind until the next rebuild
    vocabulary.rebuild()
    assert words() == {"respite", "care"}


@postgres_only
def test_a_misspelt_word_is_corrected_to_the_nearest_words_services_use():
    ServiceFactory(name="Parenting class", description="Clases para padres.")
    assert vocabulary.corrections(["parentng", "clas", "padres", "cls"]) == {
        "parentng": ["parenting"],
        "clas": ["class", "clases"],
    }


@postgres_only
def test_a_misspelt_word_finds_the_service():
    ServiceFactory(name="Kinship navigators", description="Help for grandparents.")
    ServiceFactory(name="Food pantry", description="Groceries every week.")
    assert names(search_services("kinshp navigatrs")) == ["Kinship navigators"]
    assert names(search_services("grandparnts")) == ["Kinship navigators"]


@postgres_only
def test_a_saved_service_is_found_by_a_misspelling_at_once():
    service = ServiceFactory(name="Food pantry", description="")
    assert names(search_services("tutorng")) == []
    service.description = "Tutoring after school."
    service.save()
    assert names(search_services("tutorng")) == ["Food pantry"]


@postgres_only
def test_words_left_by_an_inactive_or_deleted_service_do_no_harm():
    ServiceFactory(name="Respite care", description="Weekend sitters.")
    inactive = ServiceFactory(name="Respite sitter zumba", description="")
    deleted = ServiceFactory(name="Respite nannies", description="")
    inactive.status = m.Service.Status.INACTIVE
    inactive.save()
    deleted.delete()
    assert {"sitter", "zumba", "nannies"} <= words()  # still in the vocabulary
    assert names(search_services("zumba")) == []  # not corrected: nothing public holds it
    assert names(search_services("nanies")) == []
    # Nearest to the stale "sitter" and to the live "sitters": the live service is found.
    assert vocabulary.corrections(["siter"]) == {"siter": ["sitter", "sitters"]}
    assert names(search_services("respte siter")) == ["Respite care"]


def test_the_words_command_rebuilds_the_vocabulary():
    ServiceFactory(name="Respite care", description="")
    m.SearchWord.objects.create(word="zumba")
    out = io.StringIO()
    call_command("directory", "words", stdout=out)
    assert words() == {"respite", "care"}
    assert out.getvalue().strip() == "Search vocabulary: 2 words."
